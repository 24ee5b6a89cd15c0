/**
 * Waivers (STYLE.md habit 7): rule id, resource, reason, expiry. A waiver names a resource by
 * URN, by `kind/namespace/name` (Kubernetes) or by `type::name` (any resource). It applies up
 * to and including its `expires` day (UTC); from the next day it is expired and waives nothing.
 */
import type { WaiverSpec } from "../../src/spec/policy";
import { metaOf } from "./k8s";
import type { RuleResource } from "./rule";

export type Waiver = WaiverSpec;

/** Every name a waiver may use for `r`. */
export function resourceKeys(r: RuleResource): string[] {
  const keys = [r.urn, `${r.type}::${r.name}`];
  if (r.type.startsWith("kubernetes:") && !r.type.startsWith("kubernetes:helm")) {
    try {
      const m = metaOf(r);
      keys.push(`${m.kind}/${m.namespace}/${m.name}`);
    } catch {
      // an object whose name is unknown can still be waived by URN or type::name
    }
  }
  return keys;
}

export function waiverMatches(w: Waiver, r: RuleResource): boolean {
  return resourceKeys(r).includes(w.resource);
}

export function isExpired(w: Waiver, today: string): boolean {
  return today > w.expires;
}

/** Today's date in UTC as YYYY-MM-DD. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
