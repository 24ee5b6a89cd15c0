/**
 * The property changes between two input trees. Maps compare key by key; lists of named things
 * (containers, env vars, ports, volumes) compare item by name, so a reordering is not a change
 * storm; other lists compare by position. Secrets compare by fingerprint and show as `[secret]`.
 */
import { SECRET } from "../plan/types";
import { isPlainObject } from "../util/plain";
import { compareStrings } from "../util/stable-json";
import type { Normalize } from "./identity";
import { pulumiPath, readablePath, wirePath, type Seg } from "./paths";
import type { ChangeKind } from "./types";

export interface ValueDiffContext {
  /** Normalizer for equality (env names, account ids); identity within one stack. */
  readonly norm: Normalize;
  readonly oldFingerprints: Readonly<Record<string, string>>;
  readonly newFingerprints: Readonly<Record<string, string>>;
}

export interface RawChange {
  readonly segs: readonly Seg[];
  readonly kind: ChangeKind;
  readonly old?: unknown;
  readonly new?: unknown;
  readonly secret?: boolean;
}

/** Fields that identify an item of a list, tried in order: the first unique in both lists wins. */
const LIST_KEYS = ["name", "mountPath", "containerPort", "port", "devicePath"] as const;

type Path = (string | number)[];

export function diffInputs(oldInputs: unknown, newInputs: unknown, ctx: ValueDiffContext): RawChange[] {
  const out: RawChange[] = [];
  walk(oldInputs, newInputs, [], [], [], ctx, out);
  return out;
}

export function changePaths(c: RawChange): { path: string; pulumiPath: string } {
  return { path: readablePath(c.segs), pulumiPath: pulumiPath(c.segs) };
}

function walk(o: unknown, n: unknown, segs: Seg[], op: Path, np: Path, ctx: ValueDiffContext, out: RawChange[]): void {
  if (o === n && o !== SECRET) return;
  if (o === SECRET && n === SECRET) {
    if (ctx.oldFingerprints[wirePath(op)] !== ctx.newFingerprints[wirePath(np)]) out.push({ segs, kind: "update", old: SECRET, new: SECRET, secret: true });
    return;
  }
  if (isPlainObject(o) && isPlainObject(n)) return walkObject(o, n, segs, op, np, ctx, out);
  if (Array.isArray(o) && Array.isArray(n)) return walkList(o, n, segs, op, np, ctx, out);
  if (typeof o === "string" && typeof n === "string" && ctx.norm(o) === ctx.norm(n)) return;
  out.push({ segs, kind: "update", old: o, new: n, ...(o === SECRET || n === SECRET ? { secret: true } : {}) });
}

function walkObject(o: Record<string, unknown>, n: Record<string, unknown>, segs: Seg[], op: Path, np: Path, ctx: ValueDiffContext, out: RawChange[]): void {
  const pairs = pairKeys(Object.keys(o), Object.keys(n), ctx.norm);
  for (const [ok, nk] of pairs) {
    if (ok !== undefined && nk !== undefined) walk(o[ok], n[nk], [...segs, nk], [...op, ok], [...np, nk], ctx, out);
    else if (nk !== undefined) out.push({ segs: [...segs, nk], kind: "add", new: n[nk] });
    else out.push({ segs: [...segs, ok!], kind: "delete", old: o[ok!] });
  }
}

/** Keys paired exactly first, then by normalized form when that is unambiguous; sorted. */
function pairKeys(oldKeys: string[], newKeys: string[], norm: Normalize): [string | undefined, string | undefined][] {
  const newSet = new Set(newKeys);
  const pairs: [string | undefined, string | undefined][] = oldKeys.filter((k) => newSet.has(k)).map((k) => [k, k]);
  const restOld = oldKeys.filter((k) => !newSet.has(k));
  const oldSet = new Set(oldKeys);
  const restNew = newKeys.filter((k) => !oldSet.has(k));
  const byNorm = (keys: string[]) => {
    const m = new Map<string, string[]>();
    for (const k of keys) m.set(norm(k), [...(m.get(norm(k)) ?? []), k]);
    return m;
  };
  const newByNorm = byNorm(restNew);
  const oldByNorm = byNorm(restOld);
  const takenNew = new Set<string>();
  for (const k of restOld) {
    const match = newByNorm.get(norm(k));
    if (match?.length === 1 && oldByNorm.get(norm(k))!.length === 1) {
      pairs.push([k, match[0]!]);
      takenNew.add(match[0]!);
    } else pairs.push([k, undefined]);
  }
  for (const k of restNew) if (!takenNew.has(k)) pairs.push([undefined, k]);
  return pairs.sort((a, b) => compareStrings(a[1] ?? a[0]!, b[1] ?? b[0]!));
}

function walkList(o: unknown[], n: unknown[], segs: Seg[], op: Path, np: Path, ctx: ValueDiffContext, out: RawChange[]): void {
  const field = listKey(o, n);
  if (!field) {
    for (let i = 0; i < Math.max(o.length, n.length); i++) {
      if (i < o.length && i < n.length) walk(o[i], n[i], [...segs, i], [...op, i], [...np, i], ctx, out);
      else if (i < n.length) out.push({ segs: [...segs, i], kind: "add", new: n[i] });
      else out.push({ segs: [...segs, i], kind: "delete", old: o[i] });
    }
    return;
  }
  const raw = (v: unknown) => (v as Record<string, string | number>)[field]!;
  // Names compare normalized, unless that would make two items of one list the same.
  const uniqueNormalized = [o, n].every((list) => new Set(list.map((v) => normalized(raw(v), ctx.norm))).size === list.length);
  const id = (v: unknown, norm: Normalize) => (uniqueNormalized ? normalized(raw(v), norm) : raw(v));
  const oldIndex = new Map(o.map((v, i) => [id(v, ctx.norm), i]));
  const newIds = new Set<string | number>();
  n.forEach((v, i) => {
    const k = id(v, ctx.norm);
    newIds.add(k);
    const item = { field, value: (v as Record<string, string | number>)[field]!, index: i };
    const j = oldIndex.get(k);
    if (j !== undefined) walk(o[j], v, [...segs, item], [...op, j], [...np, i], ctx, out);
    else out.push({ segs: [...segs, item], kind: "add", new: v });
  });
  o.forEach((v, j) => {
    if (!newIds.has(id(v, ctx.norm))) out.push({ segs: [...segs, { field, value: (v as Record<string, string | number>)[field]!, index: j }], kind: "delete", old: v });
  });
}

function normalized(k: string | number, norm: Normalize): string | number {
  return typeof k === "string" ? norm(k) : k;
}

/** The field that names every item of both lists uniquely, if any. */
function listKey(o: unknown[], n: unknown[]): string | undefined {
  if (o.length === 0 || n.length === 0) return undefined;
  return LIST_KEYS.find((f) => uniqueBy(o, f) && uniqueBy(n, f));
}

function uniqueBy(list: unknown[], field: string): boolean {
  const seen = new Set<unknown>();
  for (const v of list) {
    if (!isPlainObject(v)) return false;
    const k = v[field];
    if ((typeof k !== "string" && typeof k !== "number") || seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}
