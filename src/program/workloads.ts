/**
 * The Kubernetes side of the platform, as a pipeline of four named steps:
 *   (a) plan the manifests of every service from the spec (components/workload, pure);
 *   (b) apply the env's manifest overlays (kustomize) to them and the raw base manifests;
 *   (c) validate every manifest against the Kubernetes schemas;
 *   (d) register them as typed Kubernetes resources (and the IRSA roles) under components.
 */
import { planManifests, planWorkloads, workloadContext, type WorkloadContext, type WorkloadPlan } from "../../components/workload/index";
import type { Manifest } from "../manifests/types";
import { validateManifests, type ValidationReport } from "../manifests/validate";
import type { LoadedEnvironment } from "../values/load";
import type { Infrastructure } from "./infrastructure";
import { applyManifestOverlays } from "./manifest-overlays";
import { registerWorkloads, type RegisteredWorkloads } from "./register-workloads";

export interface Workloads {
  readonly outputs: Record<string, unknown>;
  readonly plan: WorkloadPlan;
  /** The final manifests, as registered. */
  readonly manifests: readonly Manifest[];
  /** What was validated, and which manifests were not (custom resources) and why. */
  readonly validation: ValidationReport;
  readonly registered: RegisteredWorkloads;
}

export async function buildWorkloads(env: LoadedEnvironment, infra: Infrastructure): Promise<Workloads> {
  const ctx = workloadContext(env.spec, env.facts, infra.vpcCidr);
  const plan = planWorkloads(ctx);
  const manifests = applyManifestOverlays(env, planManifests(plan));
  const validation = validateManifests(manifests, { kubernetesVersion: env.spec.cluster.version });
  const registered = await registerWorkloads(env, infra, plan, manifests);
  return { outputs: workloadOutputs(plan, ctx), plan, manifests, validation, registered };
}

/** Stack outputs: per service its namespace, exposure, public URL and IRSA role. */
export function workloadOutputs(plan: WorkloadPlan, ctx: WorkloadContext): Record<string, unknown> {
  const services: Record<string, unknown> = {};
  for (const s of plan.services) {
    const exposure = ctx.services[s.name]!.exposure;
    services[s.name] = {
      namespace: s.namespace,
      exposure: exposure.type,
      ...(exposure.type === "public" ? { url: `https://${exposure.host}${exposure.path}` } : {}),
      ...(s.irsa ? { roleArn: s.irsa.roleArn } : {}),
    };
  }
  return { workloads: { namespaces: plan.namespaces.map((n) => n.name), services } };
}
