/**
 * `pulumiSecret` env values: a per-service Secret `<service>-pulumi-secrets` whose keys are the
 * env var names. The plan carries `[secret]` placeholders; the component fills them from the
 * stack's secret config (`pulumi config set --secret stackplan:<key>`) as Pulumi secrets.
 */
import type { ResolvedService } from "../../src/spec/schema";
import type { Manifest } from "../../src/manifests/types";
import { SECRET } from "../../src/plan/types";
import { compareStrings } from "../../src/util/stable-json";
import { pulumiSecretName } from "./container";
import type { WorkloadContext } from "./context";
import { serviceMetadata } from "./labels";

export interface PulumiSecretPlan {
  readonly service: string;
  readonly namespace: string;
  /** The Secret's name. */
  readonly name: string;
  /** Secret key (the env var name) → config key under the `stackplan` namespace. */
  readonly keys: Readonly<Record<string, string>>;
}

export function pulumiSecretPlan(name: string, svc: ResolvedService): PulumiSecretPlan | undefined {
  const keys: Record<string, string> = {};
  for (const env of Object.keys(svc.env).sort(compareStrings)) {
    const v = svc.env[env]!;
    if (typeof v === "object" && "pulumiSecret" in v) keys[env] = v.pulumiSecret;
  }
  return Object.keys(keys).length ? { service: name, namespace: svc.namespace, name: pulumiSecretName(name), keys } : undefined;
}

export function pulumiSecretManifest(name: string, svc: ResolvedService, ctx: WorkloadContext, plan: PulumiSecretPlan): Manifest {
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: serviceMetadata(name, svc, ctx, plan.name),
    type: "Opaque",
    stringData: Object.fromEntries(Object.keys(plan.keys).map((k) => [k, SECRET])),
  };
}
