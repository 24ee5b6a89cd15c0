/**
 * Which resource of one plan is which resource of the other.
 *
 * A URN is `urn:pulumi:<stack>::<project>::<parent types>$<type>::<name>`. Within one stack (a
 * branch against main) the URN minus stack and project is the identity, exactly as the Pulumi
 * engine matches old and new state. Between two envs the stack differs and programs often put
 * the env into logical names (`shop-dev-alerts`); so for env-vs-env diffs the env name, as a
 * whole word, is replaced by `{env}` — and the AWS account id by `{account}` — in names and,
 * for equality only, in values. `shop-dev` in dev and `shop-prod` in prod are then the same
 * value; the output still shows the real ones.
 */
import { STACK_TYPE, type Plan, type PlanResource } from "../plan/types";

export type Normalize = (s: string) => string;

const identity: Normalize = (s) => s;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A normalizer that replaces env names and account ids, as whole words, with `{env}` and
 * `{account}`. The same one serves both sides, with both envs' tokens: `stackplan.dev/x` is then
 * equal to itself in staging too, not only `shop-dev` to `shop-staging`.
 */
export function envNormalizer(plans: readonly Pick<Plan, "stack" | "env">[]): Normalize {
  const rules: { needle: string; re: RegExp; to: string }[] = [];
  for (const p of plans) {
    rules.push({ needle: p.stack, re: new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(p.stack)}(?![A-Za-z0-9])`, "g"), to: "{env}" });
    const account = p.env?.account;
    if (account) rules.push({ needle: account, re: new RegExp(`(?<!\\d)${escapeRegExp(account)}(?!\\d)`, "g"), to: "{account}" });
  }
  return (s) => {
    let out = s;
    // The cheap includes() first: most strings hold no token.
    for (const r of rules) if (out.includes(r.needle)) out = out.replace(r.re, r.to);
    return out;
  };
}

/** The normalizer of a diff: none within one stack, env tokens between two envs. */
export function normalizerFor(from: Plan, to: Plan, enabled: boolean): { norm: Normalize; active: boolean } {
  if (!enabled || from.stack === to.stack) return { norm: identity, active: false };
  return { norm: envNormalizer([from, to]), active: true };
}

/** `<parent types>$<type>::<name>` of a URN (everything after project). */
export function urnTail(urn: string): string {
  const parts = urn.split("::");
  return parts.slice(2).join("::");
}

/** A resource's key with its name normalized (the stack resource is always the same one). */
function resourceKey(r: Pick<PlanResource, "urn" | "type">, normalize: Normalize): string {
  if (r.type === STACK_TYPE) return STACK_TYPE;
  const tail = urnTail(r.urn);
  const i = tail.lastIndexOf("::");
  return i < 0 ? normalize(tail) : `${tail.slice(0, i)}::${normalize(tail.slice(i + 2))}`;
}

/**
 * Pair the resources of two plans: by exact URN tail first, then the rest by normalized name
 * when that pairs exactly one resource on each side. Returns URN → key for each side; a key
 * present on one side only is a create or a delete.
 */
export function matchResources(olds: readonly PlanResource[], news: readonly PlanResource[], norm: Normalize): { old: Map<string, string>; new: Map<string, string> } {
  const exact = (r: PlanResource) => resourceKey(r, identity);
  const oldExact = new Set(olds.map(exact));
  const newExact = new Set(news.map(exact));
  const keys = { old: new Map<string, string>(), new: new Map<string, string>() };
  const rest = { old: new Map<string, PlanResource[]>(), new: new Map<string, PlanResource[]>() };
  const place = (side: "old" | "new", r: PlanResource, other: Set<string>) => {
    if (other.has(exact(r))) return keys[side].set(r.urn, exact(r));
    const k = resourceKey(r, norm);
    rest[side].set(k, [...(rest[side].get(k) ?? []), r]);
  };
  for (const r of olds) place("old", r, newExact);
  for (const r of news) place("new", r, oldExact);
  const used = new Set([...oldExact, ...newExact]);
  for (const side of ["old", "new"] as const) {
    const other = rest[side === "old" ? "new" : "old"];
    for (const [k, list] of rest[side]) {
      const paired = list.length === 1 && other.get(k)?.length === 1 && !used.has(k);
      for (const r of list) keys[side].set(r.urn, paired ? k : exact(r));
    }
  }
  return keys;
}
