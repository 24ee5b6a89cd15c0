/**
 * API versions Kubernetes stopped serving (the upstream deprecation guide). kubernetes-models
 * still ships their schemas, so a manifest under one of them would validate and then fail at
 * apply time; the validator reports it against the cluster's version instead.
 */

/** `apiVersion` → the minor Kubernetes version (1.x) that stopped serving it, and what replaces it. */
export const REMOVED_API_VERSIONS: Readonly<Record<string, { readonly removedIn: number; readonly use: string }>> = {
  "apps/v1beta1": { removedIn: 16, use: "apps/v1" },
  "apps/v1beta2": { removedIn: 16, use: "apps/v1" },
  "extensions/v1beta1": { removedIn: 22, use: "apps/v1 or networking.k8s.io/v1" },
  "networking.k8s.io/v1beta1": { removedIn: 22, use: "networking.k8s.io/v1" },
  "rbac.authorization.k8s.io/v1beta1": { removedIn: 22, use: "rbac.authorization.k8s.io/v1" },
  "scheduling.k8s.io/v1beta1": { removedIn: 22, use: "scheduling.k8s.io/v1" },
  "apiextensions.k8s.io/v1beta1": { removedIn: 22, use: "apiextensions.k8s.io/v1" },
  "apiregistration.k8s.io/v1beta1": { removedIn: 22, use: "apiregistration.k8s.io/v1" },
  "certificates.k8s.io/v1beta1": { removedIn: 22, use: "certificates.k8s.io/v1" },
  "coordination.k8s.io/v1beta1": { removedIn: 22, use: "coordination.k8s.io/v1" },
  "batch/v1beta1": { removedIn: 25, use: "batch/v1" },
  "discovery.k8s.io/v1beta1": { removedIn: 25, use: "discovery.k8s.io/v1" },
  "events.k8s.io/v1beta1": { removedIn: 25, use: "events.k8s.io/v1" },
  "node.k8s.io/v1beta1": { removedIn: 25, use: "node.k8s.io/v1" },
  "policy/v1beta1": { removedIn: 25, use: "policy/v1" },
  "autoscaling/v2beta1": { removedIn: 25, use: "autoscaling/v2" },
  "autoscaling/v2beta2": { removedIn: 26, use: "autoscaling/v2" },
  "storage.k8s.io/v1beta1": { removedIn: 27, use: "storage.k8s.io/v1" },
  "flowcontrol.apiserver.k8s.io/v1beta2": { removedIn: 29, use: "flowcontrol.apiserver.k8s.io/v1" },
  "flowcontrol.apiserver.k8s.io/v1beta3": { removedIn: 32, use: "flowcontrol.apiserver.k8s.io/v1" },
};

/** The minor version of `1.34` (or `1.34.2`), or undefined for anything else. */
export function minorVersion(kubernetesVersion: string): number | undefined {
  const m = /^1\.(\d+)(\.\d+)?$/.exec(kubernetesVersion);
  return m ? Number(m[1]) : undefined;
}
