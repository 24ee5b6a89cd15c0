/**
 * Which node groups a pod template can be scheduled on: nodeSelector, required node affinity
 * and tolerations against the node group's labels (plus the labels EKS puts on every managed
 * node) and taints. Used by the capacity and zone-spread rules.
 */
import type { RuleResource } from "./rule";
import { isObject, optArray, optNumber, optObject, optString, quote, Unevaluable } from "./values";
import { stringMap } from "./k8s";

export interface NodeGroupFacts {
  readonly resource: RuleResource;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly { key: string; value: string; effect: string }[];
}

/** EKS spells taint effects NO_SCHEDULE; Kubernetes NoSchedule. */
export const EFFECTS: Readonly<Record<string, string>> = { NO_SCHEDULE: "NoSchedule", NO_EXECUTE: "NoExecute", PREFER_NO_SCHEDULE: "PreferNoSchedule" };

export function nodeGroupFacts(g: RuleResource): NodeGroupFacts {
  const name = optString(g.props, "nodeGroupName") ?? g.name;
  const capacity = optString(g.props, "capacityType") ?? "ON_DEMAND";
  const labels = { "kubernetes.io/os": "linux", "eks.amazonaws.com/nodegroup": name, "eks.amazonaws.com/capacityType": capacity, ...stringMap(g.props, "labels") };
  const taints = (optArray(g.props, "taints") ?? []).map((t, i) => {
    const effect = optString(t, "effect", `taints[${i}].effect`) ?? "";
    return { key: optString(t, "key", `taints[${i}].key`) ?? "", value: optString(t, "value", `taints[${i}].value`) ?? "", effect: EFFECTS[effect] ?? effect };
  });
  return { resource: g, name, labels, taints };
}

/** Can pods with this spec be scheduled on nodes of `g`? */
export function schedulableOn(podSpec: Record<string, unknown>, g: NodeGroupFacts, path: string): boolean {
  const selector = stringMap(podSpec, "nodeSelector");
  for (const [k, v] of Object.entries(selector)) if (g.labels[k] !== v) return false;
  const termsPath = "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms";
  const terms = optArray(podSpec, termsPath, `${path}.${termsPath}`);
  if (terms && terms.length > 0 && !terms.some((t, i) => termMatches(t, g.labels, `${path}.${termsPath}[${i}]`))) return false;
  const tolerations = optArray(podSpec, "tolerations", `${path}.tolerations`) ?? [];
  return g.taints.filter((t) => t.effect !== "PreferNoSchedule").every((t) => tolerations.some((tol) => tolerates(tol, t)));
}

function termMatches(term: unknown, labels: Readonly<Record<string, string>>, path: string): boolean {
  const exprs = optArray(term, "matchExpressions", `${path}.matchExpressions`) ?? [];
  return exprs.every((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const key = optString(e, "key", `${p}.key`) ?? "";
    const values = (optArray(e, "values", `${p}.values`) ?? []).map(String);
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    const v = labels[key];
    switch (optString(e, "operator", `${p}.operator`)) {
      case "In":
        return has && values.includes(v!);
      case "NotIn":
        return !has || !values.includes(v!);
      case "Exists":
        return has;
      case "DoesNotExist":
        return !has;
      case "Gt":
        return has && Number(v) > Number(values[0]);
      case "Lt":
        return has && Number(v) < Number(values[0]);
      default:
        throw new Unevaluable(`${p}.operator`, `expected a node selector operator, got ${quote(isObject(e) ? e["operator"] : e)}`);
    }
  });
}

function tolerates(tol: unknown, taint: { key: string; value: string; effect: string }): boolean {
  if (!isObject(tol)) return false;
  const effect = typeof tol["effect"] === "string" ? tol["effect"] : "";
  if (effect !== "" && effect !== taint.effect) return false;
  const key = typeof tol["key"] === "string" ? tol["key"] : "";
  const op = typeof tol["operator"] === "string" ? tol["operator"] : "Equal";
  if (op === "Exists") return key === "" || key === taint.key;
  return key === taint.key && (typeof tol["value"] === "string" ? tol["value"] : "") === taint.value;
}

/**
 * Max pods per node of a node group: the `stackplan:max-pods` tag, else the kubelet setting in
 * its launch template's user data (nodeadm `maxPods:` or bootstrap `--max-pods`).
 */
export function maxPodsOf(g: RuleResource, launchTemplate: RuleResource | undefined): number {
  const tags = optObject(g.props, "tags") ?? {};
  const tagged = Number(tags["stackplan:max-pods"]);
  if (Number.isInteger(tagged) && tagged > 0) return tagged;
  if (launchTemplate) {
    const raw = optString(launchTemplate.props, "userData", `launch template ${launchTemplate.name} userData`) ?? "";
    const text = /^[A-Za-z0-9+/=\s]+$/.test(raw) && raw.length % 4 === 0 ? Buffer.from(raw, "base64").toString("utf8") : raw;
    const m = /["']?maxPods["']?\s*[:=]\s*(\d+)/.exec(text) ?? /--max-pods[= ](\d+)/.exec(text);
    if (m) return Number(m[1]);
  }
  const explicit = optNumber(g.props, "maxPods");
  if (explicit !== undefined) return explicit;
  throw new Unevaluable("maxPods", "neither a stackplan:max-pods tag nor a launch template setting maxPods says how many pods a node takes");
}
