/**
 * Relations between Kubernetes objects that the HA rules follow — the HPA that scales a workload,
 * the workload an HPA scales, the PDBs that select a workload's pods, the workloads a PDB
 * selects — answered from indexes built once per StackView, so a check stays linear in the
 * number of objects instead of scanning every object for every other one.
 *
 * Each answer, and each error a rule fails closed on, is exactly what a scan over the objects in
 * stack order gives: a scan stops at the first object it cannot read, so the indexes record
 * where that is and answer only with what lies before it; a selector is evaluated on every
 * object that could match it (or make it throw), in stack order, with the same function.
 */
import { HPAS, K8S, metaOf, podTemplate, REPLICATED, selectorMatches, stringMap } from "./k8s";
import type { RuleResource } from "./rule";
import type { StackView } from "./stack";
import { isObject, optNumber, optObject, optString, Unevaluable } from "./values";

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function attempt<T>(fn: () => T): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Where a scan in stack order stops: the position of the first object it cannot read, and why. */
interface Stop {
  readonly at: number;
  readonly error: unknown;
}

const key = (...parts: string[]) => parts.join("\u0000");

// --- HPA ↔ workload -------------------------------------------------------------------------

interface HpaIndex {
  readonly hpas: readonly RuleResource[];
  /** `namespace, kind (lower case), name` of the target → position of the first HPA naming it. */
  readonly byTarget: ReadonlyMap<string, number>;
  readonly stop?: Stop;
}

function hpaIndex(view: StackView): HpaIndex {
  return view.memo(hpaIndex, () => {
    const hpas = view.ofType(...HPAS);
    const byTarget = new Map<string, number>();
    for (let i = 0; i < hpas.length; i++) {
      const h = hpas[i]!;
      const target = attempt(() => {
        const hm = metaOf(h);
        const kind = optString(h.props, "spec.scaleTargetRef.kind");
        const name = optString(h.props, "spec.scaleTargetRef.name");
        return kind === undefined || name === undefined ? undefined : key(hm.namespace, kind.toLowerCase(), name);
      });
      if (!target.ok) return { hpas, byTarget, stop: { at: i, error: target.error } };
      if (target.value !== undefined && !byTarget.has(target.value)) byTarget.set(target.value, i);
    }
    return { hpas, byTarget };
  });
}

/** The HPA that scales workload `r` (same namespace, kind and name), if any. */
export function hpaFor(view: StackView, r: RuleResource): RuleResource | undefined {
  const m = metaOf(r);
  const idx = hpaIndex(view);
  const at = idx.byTarget.get(key(m.namespace, m.kind.toLowerCase(), m.name));
  if (at !== undefined) return idx.hpas[at];
  if (idx.stop) throw idx.stop.error;
  return undefined;
}

interface ScaledIndex {
  /** HPA → the first replicated workload (in stack order) it scales. */
  readonly byHpa: ReadonlyMap<RuleResource, RuleResource>;
  readonly stop?: Stop;
}

/** The replicated workload HPA `h` scales: the first, in stack order, whose `hpaFor` is `h`. */
export function workloadScaledBy(view: StackView, h: RuleResource): RuleResource | undefined {
  const idx = view.memo(workloadScaledBy, (): ScaledIndex => {
    const workloads = view.ofType(...REPLICATED);
    const byHpa = new Map<RuleResource, RuleResource>();
    for (let i = 0; i < workloads.length; i++) {
      const hpa = attempt(() => hpaFor(view, workloads[i]!));
      if (!hpa.ok) return { byHpa, stop: { at: i, error: hpa.error } };
      if (hpa.value && !byHpa.has(hpa.value)) byHpa.set(hpa.value, workloads[i]!);
    }
    return { byHpa };
  });
  const target = idx.byHpa.get(h);
  if (target) return target;
  if (idx.stop) throw idx.stop.error;
  return undefined;
}

export interface Replicas {
  /** The fewest pods the workload runs with: spec.replicas, or the HPA's minReplicas. */
  readonly min: number;
  /** The most pods it can run: spec.replicas, or the HPA's maxReplicas. */
  readonly max: number;
  /** Where `min` came from, for messages. */
  readonly source: string;
  readonly hpa?: RuleResource;
}

/** Kubernetes defaults: replicas 1, HPA minReplicas 1. */
export function replicasOf(view: StackView, r: RuleResource): Replicas {
  const hpa = hpaFor(view, r);
  if (hpa) {
    const min = optNumber(hpa.props, "spec.minReplicas", "HorizontalPodAutoscaler spec.minReplicas") ?? 1;
    const max = optNumber(hpa.props, "spec.maxReplicas", "HorizontalPodAutoscaler spec.maxReplicas");
    if (max === undefined) throw new Unevaluable("HorizontalPodAutoscaler spec.maxReplicas", "the value is missing");
    return { min, max, source: `the HPA ${metaOf(hpa).name}'s minReplicas ${min}`, hpa };
  }
  const n = optNumber(r.props, "spec.replicas");
  return n === undefined ? { min: 1, max: 1, source: "spec.replicas (unset: 1)" } : { min: n, max: n, source: `spec.replicas ${n}` };
}

// --- selectors ------------------------------------------------------------------------------

/**
 * Which label pairs a selector needs, to pick the objects worth evaluating it on. `selectorMatches`
 * reads every matchLabels value and returns false at the first pair the labels lack, before it
 * reads anything else; so an object without the selector's first pair cannot match and cannot
 * make it throw. `none`: null or absent, matches nothing and never throws; `all`: anything else
 * (no matchLabels, or a selector that throws) is evaluated on every object.
 */
type Need = { readonly kind: "none" } | { readonly kind: "all" } | { readonly kind: "pair"; readonly pair: string };

function needOf(selector: Outcome<unknown>): Need {
  if (!selector.ok) return { kind: "all" };
  const s = selector.value;
  if (s === undefined || s === null) return { kind: "none" };
  if (!isObject(s)) return { kind: "all" };
  const labels = attempt(() => stringMap(s, "matchLabels"));
  if (!labels.ok) return { kind: "all" };
  const first = Object.entries(labels.value)[0];
  return first ? { kind: "pair", pair: key(first[0], first[1]) } : { kind: "all" };
}

/** Objects of a namespace in stack order, and by each of their label pairs. */
class Bucket<T> {
  readonly all: [number, T][] = [];
  readonly byPair = new Map<string, [number, T][]>();

  add(at: number, item: T, labels: Readonly<Record<string, string>> | undefined): void {
    this.all.push([at, item]);
    for (const [k, v] of Object.entries(labels ?? {})) {
      const pair = key(k, v);
      const list = this.byPair.get(pair);
      if (list) list.push([at, item]);
      else this.byPair.set(pair, [[at, item]]);
    }
  }
}

function candidates<T>(bucket: Bucket<T> | undefined, need: Need): [number, T][] {
  if (!bucket || need.kind === "none") return [];
  return need.kind === "all" ? bucket.all : (bucket.byPair.get(need.pair) ?? []);
}

// --- PDB → workloads ------------------------------------------------------------------------

interface WorkloadEntry {
  readonly w: RuleResource;
  readonly template: Outcome<ReturnType<typeof podTemplate>>;
}

interface WorkloadIndex {
  readonly byNamespace: ReadonlyMap<string, Bucket<WorkloadEntry>>;
  /** Per namespace, the first workload (before `stop`) whose pod template cannot be read. */
  readonly badTemplate: ReadonlyMap<string, Stop>;
  readonly stop?: Stop;
}

function workloadIndex(view: StackView): WorkloadIndex {
  return view.memo(workloadIndex, () => {
    const workloads = view.ofType(...REPLICATED);
    const byNamespace = new Map<string, Bucket<WorkloadEntry>>();
    const badTemplate = new Map<string, Stop>();
    for (let i = 0; i < workloads.length; i++) {
      const w = workloads[i]!;
      const meta = attempt(() => metaOf(w));
      if (!meta.ok) return { byNamespace, badTemplate, stop: { at: i, error: meta.error } };
      const ns = meta.value.namespace;
      const template = attempt(() => podTemplate(w));
      if (!template.ok && !badTemplate.has(ns)) badTemplate.set(ns, { at: i, error: template.error });
      let bucket = byNamespace.get(ns);
      if (!bucket) byNamespace.set(ns, (bucket = new Bucket()));
      bucket.add(i, { w, template }, template.ok ? template.value.labels : undefined);
    }
    return { byNamespace, badTemplate };
  });
}

/** Replicated workloads (Deployments, StatefulSets) whose pods PDB `p` selects. */
export function workloadsSelectedBy(view: StackView, p: RuleResource): RuleResource[] {
  const ns = metaOf(p).namespace;
  const selector = optObject(p.props, "spec.selector");
  const idx = workloadIndex(view);
  const stops = [idx.stop, idx.badTemplate.get(ns)].filter((s): s is Stop => s !== undefined);
  const stop = stops.sort((a, b) => a.at - b.at)[0];
  const out: RuleResource[] = [];
  for (const [at, { w, template }] of candidates(idx.byNamespace.get(ns), needOf({ ok: true, value: selector }))) {
    if (stop && at >= stop.at) break;
    if (template.ok && selectorMatches(selector, template.value.labels, "spec.selector")) out.push(w);
  }
  if (stop) throw stop.error;
  return out;
}

// --- workload → PDBs ------------------------------------------------------------------------

interface PdbEntry {
  readonly p: RuleResource;
  readonly selector: Outcome<Record<string, unknown> | undefined>;
}

/** A namespace's PDBs: by the label pair they need, and those to evaluate on every workload. */
interface PdbsOfNamespace {
  readonly byPair: Map<string, [number, PdbEntry][]>;
  readonly always: [number, PdbEntry][];
}

interface PdbIndex {
  readonly byNamespace: ReadonlyMap<string, PdbsOfNamespace>;
  readonly stop?: Stop;
}

function pdbIndex(view: StackView): PdbIndex {
  return view.memo(pdbIndex, () => {
    const pdbs = view.ofType(K8S.pdb);
    const byNamespace = new Map<string, PdbsOfNamespace>();
    for (let i = 0; i < pdbs.length; i++) {
      const p = pdbs[i]!;
      const meta = attempt(() => metaOf(p));
      if (!meta.ok) return { byNamespace, stop: { at: i, error: meta.error } };
      let ns = byNamespace.get(meta.value.namespace);
      if (!ns) byNamespace.set(meta.value.namespace, (ns = { byPair: new Map(), always: [] }));
      const selector = attempt(() => optObject(p.props, "spec.selector"));
      const need = needOf(selector);
      const entry: [number, PdbEntry] = [i, { p, selector }];
      if (need.kind === "all") ns.always.push(entry);
      else if (need.kind === "pair") ns.byPair.set(need.pair, [...(ns.byPair.get(need.pair) ?? []), entry]);
    }
    return { byNamespace };
  });
}

/** PDBs in the workload's namespace whose selector matches its pod template labels. */
export function pdbsSelecting(view: StackView, r: RuleResource): RuleResource[] {
  const m = metaOf(r);
  const labels = podTemplate(r).labels;
  const idx = pdbIndex(view);
  const ns = idx.byNamespace.get(m.namespace);
  const found: [number, PdbEntry][] = [...(ns?.always ?? [])];
  for (const [k, v] of Object.entries(labels)) found.push(...(ns?.byPair.get(key(k, v)) ?? []));
  const out: RuleResource[] = [];
  for (const [, { p, selector }] of found.sort((a, b) => a[0] - b[0])) {
    if (!selector.ok) throw selector.error;
    if (selectorMatches(selector.value, labels, "spec.selector")) out.push(p);
  }
  if (idx.stop) throw idx.stop.error;
  return out;
}
