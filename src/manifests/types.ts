/**
 * Kubernetes manifests as plain data: what the workload planner produces, what the manifest
 * overlays (kustomize) transform and what the program registers. Identity is
 * `<group>/<kind>/<namespace>/<name>`, as kustomize and kubectl key resources.
 */

export interface ManifestMetadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: ManifestMetadata;
  [key: string]: unknown;
}

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
export function apiGroup(apiVersion: string): string {
  const i = apiVersion.indexOf("/");
  return i < 0 ? "" : apiVersion.slice(0, i);
}

/** `Deployment shop/web`, `PriorityClass shop-critical`: how messages name a manifest. */
export function describeManifest(m: Pick<Manifest, "kind" | "metadata">): string {
  const ns = m.metadata.namespace;
  return `${m.kind} ${ns ? `${ns}/` : ""}${m.metadata.name}`;
}

/** Unique key of a manifest (the version is not part of identity, as in kustomize). */
export function manifestKey(m: Pick<Manifest, "apiVersion" | "kind" | "metadata">): string {
  return `${apiGroup(m.apiVersion)}/${m.kind}/${m.metadata.namespace ?? ""}/${m.metadata.name}`;
}

/**
 * Built-in kinds that are not namespaced. Kinds not listed here and not known to be namespaced
 * (custom resources) are taken as cluster-scoped exactly when they carry no namespace.
 */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  "APIService",
  "CSIDriver",
  "CSINode",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "IngressClass",
  "MutatingWebhookConfiguration",
  "Namespace",
  "Node",
  "PersistentVolume",
  "PriorityClass",
  "RuntimeClass",
  "StorageClass",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration",
  "VolumeAttachment",
]);

/** Built-in namespaced kinds: one of these without metadata.namespace is an error, never a guess. */
export const NAMESPACED_KINDS: ReadonlySet<string> = new Set([
  "ConfigMap",
  "CronJob",
  "DaemonSet",
  "Deployment",
  "Endpoints",
  "HorizontalPodAutoscaler",
  "Ingress",
  "Job",
  "LimitRange",
  "NetworkPolicy",
  "PersistentVolumeClaim",
  "Pod",
  "PodDisruptionBudget",
  "ReplicaSet",
  "ResourceQuota",
  "Role",
  "RoleBinding",
  "Secret",
  "Service",
  "ServiceAccount",
  "StatefulSet",
]);
