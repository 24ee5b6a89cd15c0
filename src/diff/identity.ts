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

/** A normalizer that replaces a plan's env name and account id, as whole words, with placeholders. */
export function envNormalizer(plan: Pick<Plan, "stack" | "env">): Normalize {
  const rules = [{ needle: plan.stack, re: new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(plan.stack)}(?![A-Za-z0-9])`, "g"), to: "{env}" }];
  const account = plan.env?.account;
  if (account) rules.push({ needle: account, re: new RegExp(`(?<!\\d)${escapeRegExp(account)}(?!\\d)`, "g"), to: "{account}" });
  return (s) => {
    let out = s;
    // The cheap includes() first: most strings hold neither token.
    for (const r of rules) if (out.includes(r.needle)) out = out.replace(r.re, r.to);
    return out;
  };
}

/** Normalizers for the two sides: none within one stack, env tokens between two envs. */
export function normalizersFor(from: Plan, to: Plan, enabled: boolean): { old: Normalize; new: Normalize; active: boolean } {
  if (!enabled || from.stack === to.stack) return { old: identity, new: identity, active: false };
  return { old: envNormalizer(from), new: envNormalizer(to), active: true };
}

/** `<parent types>$<type>::<name>` of a URN (everything after project). */
export function urnTail(urn: string): string {
  const parts = urn.split("::");
  return parts.slice(2).join("::");
}

/** The identity of a resource across plans (the stack resource is always the same one). */
export function resourceKey(r: Pick<PlanResource, "urn" | "type">, normalize: Normalize): string {
  if (r.type === STACK_TYPE) return STACK_TYPE;
  const tail = urnTail(r.urn);
  const i = tail.lastIndexOf("::");
  return i < 0 ? normalize(tail) : `${tail.slice(0, i)}::${normalize(tail.slice(i + 2))}`;
}

/** A URN's identity key, for references (parents, dependencies) that are only URNs. */
export function urnKey(urn: string, stackUrn: string, normalize: Normalize): string {
  return urn === stackUrn ? STACK_TYPE : resourceKey({ urn, type: "" }, normalize);
}
