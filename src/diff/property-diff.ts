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
  const walker = new Walker(ctx);
  walker.walk(oldInputs, newInputs);
  return walker.out;
}

export function changePaths(c: RawChange): { path: string; pulumiPath: string } {
  return { path: readablePath(c.segs), pulumiPath: pulumiPath(c.segs) };
}

/**
 * Walks both trees side by side. The current path is kept three ways (as shown, and as the wire
 * path on each side, for secret fingerprints) in stacks pushed and popped as it descends; a change
 * copies the shown path. Most of two plans is equal: building three paths for every node visited
 * was most of a diff's time and garbage.
 */
class Walker {
  readonly out: RawChange[] = [];
  private readonly segs: Seg[] = [];
  private readonly op: Path = [];
  private readonly np: Path = [];

  constructor(private readonly ctx: ValueDiffContext) {}

  walk(o: unknown, n: unknown): void {
    if (o === n && o !== SECRET) return;
    const ctx = this.ctx;
    if (o === SECRET && n === SECRET) {
      if (ctx.oldFingerprints[wirePath(this.op)] !== ctx.newFingerprints[wirePath(this.np)]) this.change({ kind: "update", old: SECRET, new: SECRET, secret: true });
      return;
    }
    if (isPlainObject(o) && isPlainObject(n)) return this.walkObject(o, n);
    if (Array.isArray(o) && Array.isArray(n)) return this.walkList(o, n);
    if (typeof o === "string" && typeof n === "string" && ctx.norm(o) === ctx.norm(n)) return;
    this.change({ kind: "update", old: o, new: n, ...(o === SECRET || n === SECRET ? { secret: true } : {}) });
  }

  /** Walk into the child `seg` (shown), `ok` of the old side and `nk` of the new side. */
  private child(o: unknown, n: unknown, seg: Seg, ok: string | number, nk: string | number): void {
    if (o === n && o !== SECRET) return;
    this.segs.push(seg);
    this.op.push(ok);
    this.np.push(nk);
    this.walk(o, n);
    this.segs.pop();
    this.op.pop();
    this.np.pop();
  }

  private change(c: Omit<RawChange, "segs">, last?: Seg): void {
    const segs = last === undefined ? [...this.segs] : [...this.segs, last];
    this.out.push({ segs, ...c });
  }

  private walkObject(o: Record<string, unknown>, n: Record<string, unknown>): void {
    const oldKeys = Object.keys(o);
    const newKeys = Object.keys(n);
    if (sameKeys(oldKeys, newKeys)) {
      for (const k of inOrder(oldKeys)) this.child(o[k], n[k], k, k, k);
      return;
    }
    for (const [ok, nk] of pairKeys(oldKeys, newKeys, this.ctx.norm)) {
      if (ok !== undefined && nk !== undefined) this.child(o[ok], n[nk], nk, ok, nk);
      else if (nk !== undefined) this.change({ kind: "add", new: n[nk] }, nk);
      else this.change({ kind: "delete", old: o[ok!] }, ok!);
    }
  }

  private walkList(o: unknown[], n: unknown[]): void {
    const ctx = this.ctx;
    const field = listKey(o, n);
    if (!field) {
      for (let i = 0; i < Math.max(o.length, n.length); i++) {
        if (i < o.length && i < n.length) this.child(o[i], n[i], i, i, i);
        else if (i < n.length) this.change({ kind: "add", new: n[i] }, i);
        else this.change({ kind: "delete", old: o[i] }, i);
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
      if (j !== undefined) this.child(o[j], v, item, j, i);
      else this.change({ kind: "add", new: v }, item);
    });
    o.forEach((v, j) => {
      if (!newIds.has(id(v, ctx.norm))) this.change({ kind: "delete", old: v }, { field, value: (v as Record<string, string | number>)[field]!, index: j });
    });
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The keys sorted as pairKeys sorts them (plans already are: then the same array). */
function inOrder(keys: string[]): readonly string[] {
  for (let i = 1; i < keys.length; i++) if (compareStrings(keys[i - 1]!, keys[i]!) > 0) return [...keys].sort(compareStrings);
  return keys;
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
