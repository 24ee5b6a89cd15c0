/**
 * Waivers applied to raw findings. An unexpired waiver turns the violations of its rule on its
 * resource into `waived` findings; an expired one waives nothing and is itself a finding at the
 * rule's level; a waiver that names no resource, or whose resource no longer breaks the rule,
 * is reported as advisory so the list stays honest.
 */
import { metaOf } from "../../policies/lib/k8s";
import type { Rule, RuleResource } from "../../policies/lib/rule";
import { isExpired, resourceKeys, waiverMatches } from "../../policies/lib/waivers";
import type { WaiverSpec } from "../spec/policy";
import type { Finding, Level } from "./types";

/** `kind/namespace/name` for Kubernetes objects, `type::name` for everything else. */
export function displayKey(r: RuleResource): string {
  if (r.type.startsWith("kubernetes:") && !r.type.startsWith("kubernetes:helm")) {
    try {
      const m = metaOf(r);
      return `${m.kind}/${m.namespace}/${m.name}`;
    } catch {
      // fall through: name not known
    }
  }
  return `${r.type}::${r.name}`;
}

export function applyWaivers(
  findings: readonly Finding[],
  waivers: readonly WaiverSpec[],
  resources: readonly RuleResource[],
  rules: readonly Rule[],
  levelOf: (rule: string) => Level | "disabled",
  today: string,
): Finding[] {
  const out = [...findings];
  for (const w of waivers) {
    const matched = resources.filter((r) => waiverMatches(w, r));
    const rule = rules.find((r) => r.id === w.rule);
    const level = levelOf(w.rule);
    const meta = { rule: w.rule, ...(rule ? { family: rule.family, severity: rule.severity } : {}), waiver: w };
    if (!rule) {
      out.push({ ...meta, kind: "waiver-unmatched", level: "advisory", resource: w.resource, message: `waiver names rule ${w.rule}, which does not exist` });
      continue;
    }
    if (matched.length === 0) {
      out.push({ ...meta, kind: "waiver-unmatched", level: "advisory", resource: w.resource, message: `waiver for ${w.rule} matches no resource in this env (by URN, kind/namespace/name or type::name)` });
      continue;
    }
    const urns = new Set(matched.map((r) => r.urn));
    const hits = out.map((f, i) => [f, i] as const).filter(([f]) => f.kind === "violation" && f.rule === w.rule && f.urn !== undefined && urns.has(f.urn));
    const expired = isExpired(w, today);
    for (const [f, i] of hits) {
      out[i] = expired ? { ...f, message: `${f.message} (its waiver expired on ${w.expires})` } : { ...f, kind: "waived", waiver: w };
    }
    const r = matched[0]!;
    const at = { urn: r.urn, type: r.type, resource: displayKey(r) };
    if (expired) {
      out.push({ ...meta, ...at, kind: "waiver-expired", level: level === "disabled" ? "advisory" : level, message: `waiver for ${w.rule} expired on ${w.expires} (today ${today}): renew it with a new reason or fix the resource` });
    } else if (hits.length === 0) {
      out.push({ ...meta, ...at, kind: "waiver-unused", level: "advisory", message: `waiver for ${w.rule} is not needed: the resource does not break the rule${level === "disabled" ? " (the rule is disabled here)" : ""}; remove it` });
    }
  }
  return out;
}

export { resourceKeys };
