/** Output order: kustomize's legacy order by default (kinds first/last, then GVK, then id), or fifo. */
import type { Resource } from "./resource";
import type { ResId } from "./resid";

export const ORDER_FIRST = [
  "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy", "Role",
  "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service", "LimitRange",
  "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget",
];
export const ORDER_LAST = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];

export function legacySort(list: Resource[], orderFirst: readonly string[] = ORDER_FIRST, orderLast: readonly string[] = ORDER_LAST): Resource[] {
  const rank = new Map<string, number>();
  orderFirst.forEach((k, i) => rank.set(k, -orderFirst.length + i));
  orderLast.forEach((k, i) => rank.set(k, 1 + i));
  const keyed = list.map((r) => {
    const id = r.curId();
    return { r, rank: rank.get(id.kind) ?? 0, gvk: gvkSortString(id), id: idSortString(id) };
  });
  keyed.sort((a, b) => a.rank - b.rank || cmp(a.gvk, b.gvk) || cmp(a.id, b.id));
  return keyed.map((k) => k.r);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function gvkSortString(id: ResId): string {
  return `${id.group || "~G"}_${id.version || "~V"}_${id.kind || "~K"}`;
}

/** legacyResIDSortString: `Kind.version.group|namespace|name` with ~X / ~N for empty parts. */
function idSortString(id: ResId): string {
  return `${id.kind || "[noKind]"}.${id.version || "[noVer]"}.${id.group || "[noGrp]"}|${id.namespace || "~X"}|${id.name || "~N"}`;
}
