/**
 * The Kubernetes side of the platform. SCAFFOLD: replaced by the workloads work (issue 4), which
 * plans the manifests of every service, applies the env's kustomization and registers them.
 */
import type { LoadedEnvironment } from "../values/load";
import type { Infrastructure } from "./infrastructure";

export interface Workloads {
  readonly outputs: Record<string, unknown>;
}

export async function buildWorkloads(env: LoadedEnvironment, infra: Infrastructure): Promise<Workloads> {
  void env;
  void infra;
  return { outputs: {} };
}
