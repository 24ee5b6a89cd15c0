/**
 * The offline runner: every rule of the registry on one Plan, with the env's enforcement,
 * per-rule overrides and waivers from the plan's policy spec. Deterministic: `today` is an
 * argument, findings are sorted.
 */
import { RULES } from "../../policies/registry";
import type { Rule, RuleEnv, RuleResource, Violation } from "../../policies/lib/rule";
import { StackView, failClosed } from "../../policies/lib/stack";
import type { Plan } from "../plan/types";
import { compareStrings } from "../util/stable-json";
import { ruleResources } from "./plan-resources";
import type { CheckResult, Finding, Level, RuleRun } from "./types";
import { applyWaivers, displayKey } from "./waivers";

export interface CheckOptions {
  /** YYYY-MM-DD (UTC): decides which waivers have expired. */
  readonly today: string;
  /** @default every rule of the registry */
  readonly rules?: readonly Rule[];
}

export function levelOf(plan: Plan, ruleId: string): Level | "disabled" {
  return plan.policy.overrides[ruleId] ?? plan.policy.enforcement;
}

export function checkPlan(plan: Plan, opts: CheckOptions): CheckResult {
  const rules = opts.rules ?? RULES;
  const resources = ruleResources(plan);
  const view = new StackView(resources);
  const env: RuleEnv = { name: plan.env.name, production: plan.env.isProduction };
  const runs: RuleRun[] = rules.map((r) => ({ id: r.id, level: levelOf(plan, r.id) }));
  const raw: Finding[] = [];
  const stackUrn = resources[0]?.urn;
  for (const rule of rules) {
    const level = levelOf(plan, rule.id);
    if (level === "disabled") continue;
    for (const v of runRule(rule, view, env, stackUrn)) raw.push(toFinding(rule, level, v, view));
  }
  const findings = applyWaivers(raw, plan.policy.waivers, resources, rules, (id) => levelOf(plan, id), opts.today);
  return {
    env: { name: plan.env.name, class: plan.env.class, production: plan.env.isProduction },
    today: opts.today,
    resources: resources.length,
    rules: runs,
    findings: findings.sort(compareFindings),
  };
}

function runRule(rule: Rule, view: StackView, env: RuleEnv, stackUrn: string | undefined): Violation[] {
  if (rule.scope === "stack") {
    try {
      return rule.check(view, env).map((v) => ({ ...v, urn: v.urn ?? stackUrn }));
    } catch (err) {
      return [failClosed(err, stackUrn)];
    }
  }
  const out: Violation[] = [];
  for (const r of view.ofType(...rule.resourceTypes)) {
    try {
      out.push(...rule.check(r, env).map((v) => ({ ...v, urn: v.urn ?? r.urn })));
    } catch (err) {
      out.push(failClosed(err, r.urn));
    }
  }
  return out;
}

function toFinding(rule: Rule, level: Level, v: Violation, view: StackView): Finding {
  const r: RuleResource | undefined = v.urn ? view.get(v.urn) : undefined;
  return {
    kind: "violation",
    rule: rule.id,
    family: rule.family,
    severity: rule.severity,
    level,
    ...(v.urn ? { urn: v.urn } : {}),
    ...(r ? { type: r.type } : {}),
    resource: r ? displayKey(r) : (v.urn ?? "(stack)"),
    message: v.message,
    ...(v.path ? { path: v.path } : {}),
  };
}

const KIND_ORDER = ["violation", "waiver-expired", "waived", "waiver-unused", "waiver-unmatched"];

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.resource, b.resource) ||
    compareStrings(a.rule, b.rule) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    compareStrings(a.path ?? "", b.path ?? "") ||
    compareStrings(a.message, b.message)
  );
}
