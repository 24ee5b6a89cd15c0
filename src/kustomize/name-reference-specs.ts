/** kustomize's default nameReference config: which fields refer to which kinds by name. */
import type { FieldSpec } from "./fieldspec";
import type { Gvk } from "./resid";

export interface BackReference {
  readonly target: Partial<Gvk>;
  readonly referrers: readonly FieldSpec[];
}

const POD_KINDS: [string, string][] = [
  ["Pod", "spec/"],
  ["PodTemplate", "template/spec/"],
  ["Deployment", "spec/template/spec/"],
  ["ReplicaSet", "spec/template/spec/"],
  ["DaemonSet", "spec/template/spec/"],
  ["StatefulSet", "spec/template/spec/"],
  ["Job", "spec/template/spec/"],
  ["CronJob", "spec/jobTemplate/spec/template/spec/"],
];

const on = (kind: string, path: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ kind, path, ...extra });
const podRefs = (suffixes: string[]): FieldSpec[] =>
  POD_KINDS.flatMap(([kind, prefix]) => suffixes.map((s) => on(kind, prefix + s, kind === "Pod" ? { version: "v1" } : {})));
const hpa = on("HorizontalPodAutoscaler", "spec/scaleTargetRef/name");
const SA_KINDS: [string, string][] = [
  ["Pod", "spec/"], ["StatefulSet", "spec/template/spec/"], ["Deployment", "spec/template/spec/"],
  ["ReplicationController", "spec/template/spec/"], ["CronJob", "spec/jobTemplate/spec/template/spec/"],
  ["Job", "spec/template/spec/"], ["DaemonSet", "spec/template/spec/"],
];

export const NAME_REFERENCES: readonly BackReference[] = [
  { target: { kind: "Deployment" }, referrers: [hpa] },
  { target: { kind: "ReplicationController" }, referrers: [hpa] },
  { target: { kind: "ReplicaSet" }, referrers: [hpa] },
  { target: { kind: "StatefulSet" }, referrers: [hpa] },
  {
    target: { kind: "ConfigMap", version: "v1" },
    referrers: [
      ...podRefs([
        "volumes/configMap/name",
        "containers/env/valueFrom/configMapKeyRef/name",
        "initContainers/env/valueFrom/configMapKeyRef/name",
        "containers/envFrom/configMapRef/name",
        "initContainers/envFrom/configMapRef/name",
        "volumes/projected/sources/configMap/name",
      ]),
      on("Node", "spec/configSource/configMap"),
      on("Role", "rules/resourceNames"),
      on("ClusterRole", "rules/resourceNames"),
      on("Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap"),
    ],
  },
  {
    target: { kind: "Secret", version: "v1" },
    referrers: [
      ...podRefs([
        "volumes/secret/secretName",
        "containers/env/valueFrom/secretKeyRef/name",
        "initContainers/env/valueFrom/secretKeyRef/name",
        "containers/envFrom/secretRef/name",
        "initContainers/envFrom/secretRef/name",
        "imagePullSecrets/name",
        "volumes/projected/sources/secret/name",
      ]),
      on("Ingress", "spec/tls/secretName"),
      on("Ingress", "metadata/annotations/ingress.kubernetes.io\\/auth-secret"),
      on("Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret"),
      on("Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret"),
      on("ServiceAccount", "imagePullSecrets/name"),
      on("StorageClass", "parameters/secretName"),
      on("StorageClass", "parameters/adminSecretName"),
      on("StorageClass", "parameters/userSecretName"),
      on("StorageClass", "parameters/secretRef"),
      on("Role", "rules/resourceNames"),
      on("ClusterRole", "rules/resourceNames"),
      on("Service", "spec/template/spec/containers/env/valueFrom/secretKeyRef/name", { group: "serving.knative.dev", version: "v1" }),
      on("PersistentVolume", "spec/azureFile/secretName"),
    ],
  },
  {
    target: { kind: "Service", version: "v1" },
    referrers: [
      on("StatefulSet", "spec/serviceName", { group: "apps" }),
      on("Ingress", "spec/rules/http/paths/backend/serviceName"),
      on("Ingress", "spec/backend/serviceName"),
      on("Ingress", "spec/rules/http/paths/backend/service/name"),
      on("Ingress", "spec/defaultBackend/service/name"),
      on("APIService", "spec/service/name", { group: "apiregistration.k8s.io" }),
      on("ValidatingWebhookConfiguration", "webhooks/clientConfig/service", { group: "admissionregistration.k8s.io" }),
      on("MutatingWebhookConfiguration", "webhooks/clientConfig/service", { group: "admissionregistration.k8s.io" }),
    ],
  },
  { target: { kind: "Role", group: "rbac.authorization.k8s.io" }, referrers: [on("RoleBinding", "roleRef/name", { group: "rbac.authorization.k8s.io" })] },
  {
    target: { kind: "ClusterRole", group: "rbac.authorization.k8s.io" },
    referrers: [on("RoleBinding", "roleRef/name", { group: "rbac.authorization.k8s.io" }), on("ClusterRoleBinding", "roleRef/name", { group: "rbac.authorization.k8s.io" })],
  },
  {
    target: { kind: "ServiceAccount", version: "v1" },
    referrers: [
      on("RoleBinding", "subjects", { group: "rbac.authorization.k8s.io" }),
      on("ClusterRoleBinding", "subjects", { group: "rbac.authorization.k8s.io" }),
      ...SA_KINDS.map(([k, p]) => on(k, `${p}serviceAccountName`)),
    ],
  },
  { target: { kind: "PersistentVolumeClaim", version: "v1" }, referrers: SA_KINDS.map(([k, p]) => on(k, `${p}volumes/persistentVolumeClaim/claimName`)) },
  { target: { kind: "PersistentVolume", version: "v1" }, referrers: [on("PersistentVolumeClaim", "spec/volumeName"), on("ClusterRole", "rules/resourceNames")] },
  {
    target: { kind: "StorageClass", version: "v1", group: "storage.k8s.io" },
    referrers: [on("PersistentVolume", "spec/storageClassName"), on("PersistentVolumeClaim", "spec/storageClassName"), on("StatefulSet", "spec/volumeClaimTemplates/spec/storageClassName")],
  },
  { target: { kind: "PriorityClass", version: "v1", group: "scheduling.k8s.io" }, referrers: SA_KINDS.map(([k, p]) => on(k, `${p}priorityClassName`)) },
  { target: { kind: "IngressClass", version: "v1", group: "networking.k8s.io/v1" }, referrers: [on("Ingress", "spec/ingressClassName")] },
  { target: { kind: "ValidatingAdmissionPolicy", group: "admissionregistration.k8s.io" }, referrers: [on("ValidatingAdmissionPolicyBinding", "spec/policyName", { group: "admissionregistration.k8s.io" })] },
];
