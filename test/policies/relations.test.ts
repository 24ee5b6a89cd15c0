/**
 * The indexed relations (policies/lib/relations.ts) against the plain scans they replace: on
 * random stacks with unreadable objects (placeholders, wrong types, missing templates) and odd
 * selectors, every answer and every error must be the scan's, in the same order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HPAS, K8S, metaOf, podTemplate, REPLICATED, selectorMatches } from "../../policies/lib/k8s";
import { hpaFor, pdbsSelecting, replicasOf, workloadScaledBy, workloadsSelectedBy } from "../../policies/lib/relations";
import type { RuleResource } from "../../policies/lib/rule";
import { StackView } from "../../policies/lib/stack";
import { optObject, optString, UNKNOWN } from "../../policies/lib/values";

// The scans, as the rules were first written.
const scan = {
  hpaFor(view: StackView, r: RuleResource): RuleResource | undefined {
    const m = metaOf(r);
    return view.ofType(...HPAS).find((h) => {
      const hm = metaOf(h);
      const kind = optString(h.props, "spec.scaleTargetRef.kind");
      const name = optString(h.props, "spec.scaleTargetRef.name");
      return hm.namespace === m.namespace && kind?.toLowerCase() === m.kind.toLowerCase() && name === m.name;
    });
  },
  workloadScaledBy(view: StackView, h: RuleResource): RuleResource | undefined {
    return view.ofType(...REPLICATED).find((w) => scan.hpaFor(view, w) === h);
  },
  pdbsSelecting(view: StackView, r: RuleResource): RuleResource[] {
    const m = metaOf(r);
    const labels = podTemplate(r).labels;
    return view.ofType(K8S.pdb).filter((p) => metaOf(p).namespace === m.namespace && selectorMatches(optObject(p.props, "spec.selector"), labels, "spec.selector"));
  },
  workloadsSelectedBy(view: StackView, p: RuleResource): RuleResource[] {
    const ns = metaOf(p).namespace;
    const selector = optObject(p.props, "spec.selector");
    return view.ofType(...REPLICATED).filter((w) => metaOf(w).namespace === ns && selectorMatches(selector, podTemplate(w).labels, "spec.selector"));
  },
};

/** What a call gives: the URNs it returns, or the message it throws. */
function outcome(fn: () => RuleResource | RuleResource[] | undefined | { hpa?: RuleResource; min: number; max: number }): unknown {
  try {
    const v = fn();
    if (Array.isArray(v)) return v.map((r) => r.urn);
    if (v && "min" in v) return { min: v.min, max: v.max, hpa: v.hpa?.urn };
    return v?.urn ?? null;
  } catch (err) {
    return { threw: (err as Error).message };
  }
}

const ns = fc.constantFrom("a", "b", UNKNOWN);
const labelMap = fc.dictionary(fc.constantFrom("app", "tier", "zone"), fc.oneof({ weight: 9, arbitrary: fc.constantFrom("x", "y") }, { weight: 1, arbitrary: fc.constant(7) }), { maxKeys: 3 });
const expression = fc.record({ key: fc.constantFrom("app", "tier"), operator: fc.constantFrom("In", "NotIn", "Exists", "DoesNotExist", "Near"), values: fc.constant(["x"]) });
const selector = fc.oneof(
  { weight: 6, arbitrary: fc.record({ matchLabels: labelMap }, { requiredKeys: [] }) },
  { weight: 2, arbitrary: fc.record({ matchLabels: labelMap, matchExpressions: fc.array(expression, { maxLength: 2 }) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, "bad", UNKNOWN) },
);
const name = fc.constantFrom("w0", "w1", "w2");

const workload = fc.record({
  type: fc.constantFrom(...REPLICATED),
  name,
  ns,
  labels: labelMap,
  template: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  replicas: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
});
const pdb = fc.record({ type: fc.constant(K8S.pdb), name, ns, selector });
const hpa = fc.record({
  type: fc.constantFrom(...HPAS),
  name,
  ns,
  kind: fc.constantFrom("Deployment", "deployment", "StatefulSet", undefined, 3),
  target: name,
  min: fc.integer({ min: 1, max: 3 }),
});

function stack(items: readonly Record<string, unknown>[]): StackView {
  const resources: RuleResource[] = items.map((it, i) => {
    const metadata = { name: it.name, namespace: it.ns };
    let props: Record<string, unknown>;
    if (it.type === K8S.pdb) props = { metadata, spec: { selector: it.selector } };
    else if (HPAS.includes(it.type as (typeof HPAS)[number])) props = { metadata, spec: { scaleTargetRef: { kind: it.kind, name: it.target }, minReplicas: it.min, maxReplicas: 5 } };
    else props = { metadata, spec: { replicas: it.replicas, ...(it.template ? { template: { metadata: { labels: it.labels }, spec: { containers: [] } } } : {}) } };
    return { urn: `urn:${i}`, type: it.type as string, name: `r${i}`, props, dependencies: [], propertyDependencies: {} };
  });
  return new StackView(resources);
}

describe("indexed relations answer as the scans do", () => {
  it("on random stacks, errors and order included", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(workload, pdb, hpa), { maxLength: 14 }), (items) => {
        const view = stack(items);
        for (const w of view.ofType(...REPLICATED)) {
          expect(outcome(() => hpaFor(view, w))).toEqual(outcome(() => scan.hpaFor(view, w)));
          expect(outcome(() => replicasOf(view, w))).toEqual(outcome(() => ({ ...replicaCount(view, w) })));
          expect(outcome(() => pdbsSelecting(view, w))).toEqual(outcome(() => scan.pdbsSelecting(view, w)));
        }
        for (const p of view.ofType(K8S.pdb)) expect(outcome(() => workloadsSelectedBy(view, p))).toEqual(outcome(() => scan.workloadsSelectedBy(view, p)));
        for (const h of view.ofType(...HPAS)) expect(outcome(() => workloadScaledBy(view, h))).toEqual(outcome(() => scan.workloadScaledBy(view, h)));
      }),
      { numRuns: 400 },
    );
  });
});

/** replicasOf over the scanned hpaFor. */
function replicaCount(view: StackView, r: RuleResource): { hpa?: RuleResource; min: number; max: number } {
  const hpa = scan.hpaFor(view, r);
  if (hpa) return { hpa, min: Number(hpa.props.spec && (hpa.props.spec as { minReplicas: number }).minReplicas), max: 5 };
  const n = (r.props.spec as { replicas?: number }).replicas;
  return { min: n ?? 1, max: n ?? 1 };
}
