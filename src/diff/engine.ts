/**
 * Diff two plans the way the Pulumi engine would step from the first to the second:
 * - a resource only in the second is created, only in the first deleted;
 * - in both: `same` without input changes, `replace` when a change hits a create-only property
 *   (force-new.ts), `update` otherwise;
 * - a value known only after apply (`[unknown]`) that comes from a resource being created or
 *   replaced changes too, so replacements cascade as they do in `pulumi preview` (a new VPC id
 *   replaces the subnets that use it).
 * Resource identity is explained in identity.ts.
 */
import { STACK_TYPE, UNKNOWN, type Plan, type PlanResource } from "../plan/types";
import { compareStrings } from "../util/stable-json";
import { matchResources, normalizerFor, type Normalize } from "./identity";
import { pulumiPath, readablePath, type Seg } from "./paths";
import { diffInputs, type RawChange } from "./property-diff";
import { replacingRules } from "./replacement";
import { DIFF_OPS, type DiffOp, type PlanDiff, type PlanRef, type PropertyChange, type ResourceStep } from "./types";

export interface DiffOptions {
  /** Compare two envs with their env names and account ids normalized (identity.ts). @default true */
  readonly normalizeEnv?: boolean;
  /** Labels for the two sides (default: the stack names). */
  readonly fromLabel?: string;
  readonly toLabel?: string;
}

interface Side {
  readonly plan: Plan;
  readonly norm: Normalize;
  readonly byKey: Map<string, PlanResource>;
  readonly keyOf: Map<string, string>;
  readonly byUrn: Map<string, PlanResource>;
}

export function diffPlans(from: Plan, to: Plan, opts: DiffOptions = {}): PlanDiff {
  const { norm, active } = normalizerFor(from, to, opts.normalizeEnv ?? true);
  const matched = matchResources(from.resources, to.resources, norm);
  const olds = side(from, norm, matched.old);
  const news = side(to, norm, matched.new);
  const keys = [...new Set([...olds.byKey.keys(), ...news.byKey.keys()])];
  const steps = new Map<string, ResourceStep>();
  const visiting = new Set<string>();

  const stepFor = (key: string): ResourceStep => {
    const done = steps.get(key);
    if (done) return done;
    const o = olds.byKey.get(key);
    const n = news.byKey.get(key);
    let step: ResourceStep;
    if (!o) step = bare("create", key, n!);
    else if (!n) step = bare("delete", key, o);
    else {
      visiting.add(key);
      step = compare(key, o, n);
      visiting.delete(key);
    }
    steps.set(key, step);
    return step;
  };

  const compare = (key: string, o: PlanResource, n: PlanResource): ResourceStep => {
    const ctx = { norm, oldFingerprints: o.secretFingerprints ?? {}, newFingerprints: n.secretFingerprints ?? {} };
    const raw = diffInputs(o.inputs, n.inputs, ctx);
    raw.push(...cascaded(o, n, raw));
    raw.sort((a, b) => compareSegs(a.segs, b.segs));
    const provider = n.provider ? news.byUrn.get(n.provider) : undefined;
    const rctx = { type: n.type, oldInputs: o.inputs, newInputs: n.inputs, ...(provider ? { providerInputs: provider.inputs } : {}) };
    const changes: PropertyChange[] = raw.map((c) => {
      const replaces = n.custom && replacingRules(c.segs, rctx).length > 0;
      return {
        path: readablePath(c.segs),
        pulumiPath: pulumiPath(c.segs),
        kind: c.kind,
        ...("old" in c ? { old: c.old } : {}),
        ...("new" in c ? { new: c.new } : {}),
        ...(c.secret ? { secret: true } : {}),
        ...(replaces ? { replaces: true } : {}),
        ...((c as Cascaded).cause ? { cause: (c as Cascaded).cause } : {}),
      };
    });
    const topKeys = (list: PropertyChange[]) => [...new Set(list.map((c) => topKey(c.pulumiPath)))].sort(compareStrings);
    const replaceReasons = topKeys(changes.filter((c) => c.replaces));
    const op: DiffOp = changes.length === 0 ? "same" : replaceReasons.length > 0 ? "replace" : "update";
    return { op, key, type: n.type, name: n.name, urn: n.urn, depth: 0, old: o, new: n, changes, diffReasons: topKeys(changes), replaceReasons };
  };

  /** Unknown values whose source is created or replaced: changed, though both sides say `[unknown]`. */
  const cascaded = (o: PlanResource, n: PlanResource, already: readonly RawChange[]): Cascaded[] => {
    const out: Cascaded[] = [];
    const seen = new Set(already.map((c) => pulumiPath(c.segs)));
    for (const [prop, urns] of Object.entries(n.propertyDependencies)) {
      const sources = urns
        .map((u) => news.keyOf.get(u))
        .filter((k): k is string => k !== undefined && !visiting.has(k))
        .map(stepFor)
        .filter((s) => s.op === "create" || s.op === "replace");
      if (sources.length === 0) continue;
      const cause = causeText(sources);
      for (const segs of unknownLeaves(n.inputs[prop], [prop])) {
        const path = pulumiPath(segs);
        if (seen.has(path)) continue;
        seen.add(path);
        out.push({ segs, kind: "update", old: valueAt(o.inputs, segs), new: UNKNOWN, cause });
      }
    }
    return out;
  };

  for (const key of keys) stepFor(key);
  const ordered = treeOrder(steps, olds, news);
  const summary = Object.fromEntries(DIFF_OPS.map((op) => [op, 0])) as Record<DiffOp, number>;
  for (const s of ordered) summary[s.op] += 1;
  return { from: ref(from, opts.fromLabel), to: ref(to, opts.toLabel), normalized: active, steps: ordered, summary };
}

interface Cascaded extends RawChange {
  readonly cause: string;
}

function side(plan: Plan, norm: Normalize, keyOf: Map<string, string>): Side {
  const byKey = new Map(plan.resources.map((r) => [keyOf.get(r.urn)!, r]));
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  return { plan, norm, byKey, keyOf, byUrn };
}

/** `depends on aws:ec2/vpc:Vpc "core-vpc" (replaced)`; several sources by name. */
function causeText(sources: readonly ResourceStep[]): string {
  const done = (s: ResourceStep) => `${JSON.stringify(s.name)} (${s.op === "create" ? "created" : "replaced"})`;
  if (sources.length === 1) return `depends on ${sources[0]!.type} ${done(sources[0]!)}`;
  const names = sources.slice(0, 3).map(done).join(", ");
  return `depends on ${names}${sources.length > 3 ? `, and ${sources.length - 3} more` : ""}`;
}

function bare(op: "create" | "delete", key: string, r: PlanResource): ResourceStep {
  return {
    op,
    key,
    type: r.type,
    name: r.name,
    urn: r.urn,
    depth: 0,
    ...(op === "create" ? { new: r } : { old: r }),
    changes: [],
    diffReasons: [],
    replaceReasons: [],
  };
}

function ref(plan: Plan, label: string | undefined): PlanRef {
  return { label: label ?? plan.stack, project: plan.project, stack: plan.stack };
}

function topKey(pulumiPathText: string): string {
  const m = /^([^.[]+)|^\["((?:[^"\\]|\\.)*)"\]/.exec(pulumiPathText);
  return m ? (m[1] ?? JSON.parse(`"${m[2]}"`)) : pulumiPathText;
}

/** Path order: keys by code point, list items by position. */
function compareSegs(a: readonly Seg[], b: readonly Seg[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    const c = typeof x === "string" && typeof y === "string" ? compareStrings(x, y) : position(x) - position(y);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function position(s: Seg): number {
  return typeof s === "number" ? s : typeof s === "object" ? s.index : -1;
}

function unknownLeaves(value: unknown, segs: Seg[]): Seg[][] {
  if (value === UNKNOWN) return [segs];
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownLeaves(v, [...segs, i]));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => unknownLeaves(v, [...segs, k]));
  return [];
}

function valueAt(root: unknown, segs: readonly Seg[]): unknown {
  let v: unknown = root;
  for (const s of segs) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[typeof s === "object" ? s.index : s];
  }
  return v;
}

/** Parents before children, siblings by key; the stack first. Depth counts from the stack. */
function treeOrder(steps: Map<string, ResourceStep>, olds: Side, news: Side): ResourceStep[] {
  const parentKey = (s: ResourceStep): string | undefined => {
    const r = s.new ?? s.old!;
    if (!r.parent || r.type === STACK_TYPE) return undefined;
    const key = (s.new ? news : olds).keyOf.get(r.parent);
    return key !== undefined && steps.has(key) ? key : undefined;
  };
  const children = new Map<string | undefined, ResourceStep[]>();
  for (const s of steps.values()) {
    const p = parentKey(s);
    const list = children.get(p);
    if (list) list.push(s);
    else children.set(p, [s]);
  }
  const out: ResourceStep[] = [];
  const visit = (parent: string | undefined, depth: number) => {
    const list = (children.get(parent) ?? []).sort((a, b) => (a.type === STACK_TYPE ? -1 : b.type === STACK_TYPE ? 1 : compareStrings(a.key, b.key)));
    for (const s of list) {
      out.push({ ...s, depth, ...(parent !== undefined ? { parent } : {}) });
      visit(s.key, depth + 1);
    }
  };
  visit(undefined, 0);
  return out;
}
