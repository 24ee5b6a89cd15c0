/**
 * The Namespaces of the services, with Pod Security Admission enforcing the strictest level the
 * services in it allow: restricted, baseline when a service runs as root, privileged when one is
 * privileged.
 */
import type { ResolvedService } from "../../src/spec/schema";
import type { Manifest } from "../../src/manifests/types";
import type { WorkloadContext } from "./context";
import { platformLabels } from "./labels";

export const POD_SECURITY_ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

export type PodSecurityLevel = "restricted" | "baseline" | "privileged";

export function podSecurityLevel(services: readonly ResolvedService[]): PodSecurityLevel {
  if (services.some((s) => s.securityContext.privileged)) return "privileged";
  if (services.some((s) => !s.securityContext.runAsNonRoot)) return "baseline";
  return "restricted";
}

export function namespaceManifest(ns: string, services: readonly ResolvedService[], ctx: WorkloadContext): Manifest {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: ns, labels: { ...platformLabels(ctx), [POD_SECURITY_ENFORCE_LABEL]: podSecurityLevel(services) } },
  };
}
