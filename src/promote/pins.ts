/**
 * Promotable pins: the values `promote` copies from one env to the next — image tags and
 * digests, add-on versions, the Kubernetes version — as the spec's `promotion.promotable`
 * globs name them (`*` matches one key).
 */
import { formatPath } from "../util/errors";
import { isPlainObject } from "../util/plain";
import { compareStrings } from "../util/stable-json";
import type { PinValue } from "./yaml-edit";

export interface PinChange {
  readonly path: readonly string[];
  /** The target env's current effective value (undefined when unset). */
  readonly from: PinValue | undefined;
  /** The source env's value; null means "remove the pin in the target". */
  readonly to: PinValue;
}

export interface PromotionPlan {
  readonly changes: readonly PinChange[];
  /** Paths skipped, with why (a service only one env has, a value that is not a scalar). */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

/**
 * Compare the source's and the target's effective values at every promotable path. A wildcard
 * expands over keys both envs have: a service that only the source has is not a pin but a new
 * service, and needs its own change.
 */
export function planPromotion(globs: readonly string[], source: unknown, target: unknown): PromotionPlan {
  const changes = new Map<string, PinChange>();
  const skipped = new Map<string, string>();
  for (const glob of globs) {
    walk(glob.split("."), [], source, target, changes, skipped);
  }
  const byPath = (a: { path: string }, b: { path: string }) => compareStrings(a.path, b.path);
  return {
    changes: [...changes.entries()].map(([path, c]) => ({ path, c })).sort(byPath).map((x) => x.c),
    skipped: [...skipped.entries()].map(([path, reason]) => ({ path, reason })).sort(byPath),
  };
}

function walk(
  rest: readonly string[],
  at: readonly string[],
  source: unknown,
  target: unknown,
  changes: Map<string, PinChange>,
  skipped: Map<string, string>,
): void {
  if (rest.length === 0) {
    if (source === undefined && target === undefined) return;
    if (!isPin(source) || !isPin(target)) {
      skipped.set(formatPath(at), "not a single value");
      return;
    }
    const to = source === undefined ? null : source;
    const from = target;
    if (to === null && from === undefined) return;
    if (to !== from) changes.set(formatPath(at), { path: at, from, to });
    return;
  }
  const [seg, ...tail] = rest as [string, ...string[]];
  if (!isPlainObject(source) && !isPlainObject(target)) return;
  const s = isPlainObject(source) ? source : {};
  const t = isPlainObject(target) ? target : {};
  const keys = seg === "*" ? [...new Set([...Object.keys(s), ...Object.keys(t)])].sort(compareStrings) : [seg];
  for (const key of keys) {
    const inS = Object.prototype.hasOwnProperty.call(s, key);
    const inT = Object.prototype.hasOwnProperty.call(t, key);
    if (seg === "*" && inS !== inT) {
      skipped.set(formatPath([...at, key]), inS ? "only in the source env (a new entry is not a pin)" : "only in the target env");
      continue;
    }
    if (!inS && !inT) continue;
    walk(tail, [...at, key], s[key], t[key], changes, skipped);
  }
}

function isPin(v: unknown): v is PinValue | undefined {
  return v === undefined || v === null || ["string", "number", "boolean"].includes(typeof v);
}
