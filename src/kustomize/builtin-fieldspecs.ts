/** kustomize's default fieldSpecs (api/internal/konfig/builtinpluginconsts), as data. */
import type { FieldSpec } from "./fieldspec";

const fs = (path: string, kind?: string, group?: string, create = false, version?: string): FieldSpec => ({
  path,
  create,
  ...(kind ? { kind } : {}),
  ...(group ? { group } : {}),
  ...(version ? { version } : {}),
});

export const METADATA_LABELS: readonly FieldSpec[] = [
  fs("metadata/labels", undefined, undefined, true),
  fs("spec/template/metadata/labels", "ReplicationController", undefined, true, "v1"),
  fs("spec/template/metadata/labels", "Deployment", undefined, true),
  fs("spec/template/metadata/labels", "ReplicaSet", undefined, true),
  fs("spec/template/metadata/labels", "DaemonSet", undefined, true),
  fs("spec/template/metadata/labels", "StatefulSet", "apps", true),
  fs("spec/volumeClaimTemplates[]/metadata/labels", "StatefulSet", "apps", true),
  fs("spec/template/metadata/labels", "Job", "batch", true),
  fs("spec/jobTemplate/metadata/labels", "CronJob", "batch", true),
  fs("spec/jobTemplate/spec/template/metadata/labels", "CronJob", "batch", true),
];

const AFFINITY = [
  "spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
  "spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
  "spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
  "spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
  "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels",
];

export const COMMON_LABELS: readonly FieldSpec[] = [
  fs("spec/selector", "Service", undefined, true, "v1"),
  fs("spec/selector", "ReplicationController", undefined, true, "v1"),
  fs("spec/selector/matchLabels", "Deployment", undefined, true),
  ...AFFINITY.map((p) => fs(p, "Deployment", "apps")),
  fs("spec/selector/matchLabels", "ReplicaSet", undefined, true),
  fs("spec/selector/matchLabels", "DaemonSet", undefined, true),
  fs("spec/selector/matchLabels", "StatefulSet", "apps", true),
  ...AFFINITY.map((p) => fs(p, "StatefulSet", "apps")),
  fs("spec/selector/matchLabels", "Job", "batch"),
  fs("spec/jobTemplate/spec/selector/matchLabels", "CronJob", "batch"),
  fs("spec/selector/matchLabels", "PodDisruptionBudget", "policy"),
  fs("spec/podSelector/matchLabels", "NetworkPolicy", "networking.k8s.io"),
  fs("spec/ingress/from/podSelector/matchLabels", "NetworkPolicy", "networking.k8s.io"),
  fs("spec/egress/to/podSelector/matchLabels", "NetworkPolicy", "networking.k8s.io"),
  ...METADATA_LABELS,
];

export const COMMON_ANNOTATIONS: readonly FieldSpec[] = [
  fs("metadata/annotations", undefined, undefined, true),
  fs("spec/template/metadata/annotations", "ReplicationController", undefined, true, "v1"),
  fs("spec/template/metadata/annotations", "Deployment", undefined, true),
  fs("spec/template/metadata/annotations", "ReplicaSet", undefined, true),
  fs("spec/template/metadata/annotations", "DaemonSet", undefined, true),
  fs("spec/template/metadata/annotations", "StatefulSet", undefined, true),
  fs("spec/template/metadata/annotations", "Job", "batch", true),
  fs("spec/jobTemplate/metadata/annotations", "CronJob", "batch", true),
  fs("spec/jobTemplate/spec/template/metadata/annotations", "CronJob", "batch", true),
];

export const IMAGES: readonly FieldSpec[] = [
  fs("spec/containers[]/image"),
  fs("spec/initContainers[]/image"),
  fs("spec/volumes[]/image/reference"),
  fs("spec/template/spec/containers[]/image"),
  fs("spec/template/spec/initContainers[]/image"),
  fs("spec/template/spec/volumes[]/image/reference"),
];

export const REPLICAS: readonly FieldSpec[] = ["Deployment", "ReplicationController", "ReplicaSet", "StatefulSet"].map((k) => fs("spec/replicas", k, undefined, true));
