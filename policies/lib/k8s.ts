/**
 * Kubernetes semantics the HA rules share: namespace defaulting, label selectors (matchLabels
 * AND matchExpressions, as the API server evaluates them), pod templates and int-or-percent
 * scaling as the disruption controller computes it. Relations between objects (HPA targets,
 * PDB selection) are in relations.ts.
 */
import type { RuleResource } from "./rule";
import { isObject, optArray, optNumber, optObject, optString, quote, Unevaluable } from "./values";

export const K8S = {
  deployment: "kubernetes:apps/v1:Deployment",
  statefulSet: "kubernetes:apps/v1:StatefulSet",
  daemonSet: "kubernetes:apps/v1:DaemonSet",
  pdb: "kubernetes:policy/v1:PodDisruptionBudget",
  hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
  hpaV1: "kubernetes:autoscaling/v1:HorizontalPodAutoscaler",
  service: "kubernetes:core/v1:Service",
} as const;

/** Workloads whose replicas the HA rules count (DaemonSets run one pod per node instead). */
export const REPLICATED = [K8S.deployment, K8S.statefulSet] as const;
export const POD_OWNERS = [K8S.deployment, K8S.statefulSet, K8S.daemonSet] as const;
export const HPAS = [K8S.hpa, K8S.hpaV1] as const;

export const LABEL = {
  criticality: "stackplan.dev/criticality",
  name: "app.kubernetes.io/name",
  nodeGroup: "stackplan.dev/node-group",
  zone: "topology.kubernetes.io/zone",
  hostname: "kubernetes.io/hostname",
  doNotDisrupt: "karpenter.sh/do-not-disrupt",
} as const;

export interface ObjectMeta {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

const metas = new WeakMap<RuleResource, { readonly meta: ObjectMeta } | { readonly error: unknown }>();

/**
 * Kind, name and namespace after defaulting: the object's, else its provider's, else `default`.
 * Read once per resource (rules ask for it over and over); an unreadable one throws the same
 * error every time.
 */
export function metaOf(r: RuleResource): ObjectMeta {
  let known = metas.get(r);
  if (!known) {
    try {
      known = { meta: readMeta(r) };
    } catch (error) {
      known = { error };
    }
    metas.set(r, known);
  }
  if ("error" in known) throw known.error;
  return known.meta;
}

function readMeta(r: RuleResource): ObjectMeta {
  const kind = optString(r.props, "kind") ?? r.type.split(":").pop()!;
  const name = optString(r.props, "metadata.name") ?? r.name;
  const ns = optString(r.props, "metadata.namespace") ?? providerNamespace(r) ?? "default";
  return { kind, name, namespace: ns, labels: stringMap(r.props, "metadata.labels"), annotations: stringMap(r.props, "metadata.annotations") };
}

function providerNamespace(r: RuleResource): string | undefined {
  const ns = r.provider?.props["namespace"];
  return typeof ns === "string" && ns !== "" && !ns.startsWith("[") ? ns : undefined;
}

/** `kind/namespace/name`, the key waivers use for Kubernetes objects. */
export function objectKey(r: RuleResource): string {
  const m = metaOf(r);
  return `${m.kind}/${m.namespace}/${m.name}`;
}

export function stringMap(root: unknown, path: string): Record<string, string> {
  const obj = optObject(root, path) ?? {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v !== "string") throw new Unevaluable(`${path}.${k}`, `expected a string, got ${quote(v)}`);
    out[k] = v;
  }
  return out;
}

/** The pod template's labels and spec of a Deployment, StatefulSet or DaemonSet. */
export function podTemplate(r: RuleResource): { labels: Record<string, string>; annotations: Record<string, string>; spec: Record<string, unknown> } {
  const spec = optObject(r.props, "spec.template.spec");
  if (!spec) throw new Unevaluable("spec.template.spec", "the pod template is missing");
  return { labels: stringMap(r.props, "spec.template.metadata.labels"), annotations: stringMap(r.props, "spec.template.metadata.annotations"), spec };
}

export interface ContainerRef {
  readonly container: Record<string, unknown>;
  readonly name: string;
  /** Path from the resource's props, for messages: `spec.template.spec.containers[0]`. */
  readonly path: string;
  readonly init: boolean;
}

export function containersOf(r: RuleResource, opts: { init: boolean }): ContainerRef[] {
  const base = "spec.template.spec";
  const lists: [string, boolean][] = [["containers", false]];
  if (opts.init) lists.push(["initContainers", true]);
  const out: ContainerRef[] = [];
  for (const [field, init] of lists) {
    const list = optArray(r.props, `${base}.${field}`) ?? [];
    list.forEach((c, i) => {
      const path = `${base}.${field}[${i}]`;
      if (!isObject(c)) throw new Unevaluable(path, `expected a container, got ${quote(c)}`);
      out.push({ container: c, name: typeof c["name"] === "string" ? c["name"] : `#${i}`, path, init });
    });
  }
  return out;
}

/**
 * Label selector semantics of the API server: every matchLabels pair AND every expression.
 * `undefined`/null selects nothing; `{}` selects everything (policy/v1 PDBs, NetworkPolicies).
 */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>, path: string): boolean {
  if (selector === undefined || selector === null) return false;
  if (!isObject(selector)) throw new Unevaluable(path, `expected a label selector, got ${quote(selector)}`);
  const ml = stringMap(selector, "matchLabels");
  for (const [k, v] of Object.entries(ml)) if (labels[k] !== v) return false;
  const exprs = optArray(selector, "matchExpressions", `${path}.matchExpressions`) ?? [];
  return exprs.every((e, i) => expressionMatches(e, labels, `${path}.matchExpressions[${i}]`));
}

function expressionMatches(e: unknown, labels: Readonly<Record<string, string>>, path: string): boolean {
  const key = optString(e, "key", `${path}.key`);
  const op = optString(e, "operator", `${path}.operator`);
  const values = (optArray(e, "values", `${path}.values`) ?? []).map(String);
  if (key === undefined) throw new Unevaluable(`${path}.key`, "the key is missing");
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  switch (op) {
    case "In":
      return has && values.includes(labels[key]!);
    case "NotIn":
      return !has || !values.includes(labels[key]!);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    default:
      throw new Unevaluable(`${path}.operator`, `expected In, NotIn, Exists or DoesNotExist, got ${quote(op)}`);
  }
}

/**
 * An int-or-percent scaled against `total`, rounded up, as the disruption controller does for
 * both minAvailable and maxUnavailable (`GetScaledValueFromIntOrPercent(…, roundUp=true)`).
 */
export function scaleIntOrPercent(v: unknown, total: number, path: string): number {
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === "string") {
    const m = /^(\d+)%$/.exec(v);
    if (m) return Math.ceil((Number(m[1]) * total) / 100);
    if (/^\d+$/.test(v)) return Number(v);
  }
  throw new Unevaluable(path, `expected a non-negative integer or a percentage such as "50%", got ${quote(v)}`);
}

export function isProductionCritical(labels: Readonly<Record<string, string>>): boolean {
  return labels[LABEL.criticality] === "critical";
}
