/**
 * What a rule is: a pure function plus the metadata every report, the CrossGuard pack and
 * RULES.md are generated from. The same rule object runs under `pulumi preview --policy-pack
 * policies` (through crossguard.ts) and offline on a Plan (src/check/evaluate.ts).
 */
import type { StackView } from "./stack";

export const FAMILIES = {
  "ha-k8s": { prefix: "HA", title: "High availability: Kubernetes workloads" },
  "ha-aws": { prefix: "AZ", title: "High availability: AWS topology" },
  metrics: { prefix: "MET", title: "Cost-tiered metrics and alarms" },
  logs: { prefix: "LOG", title: "Log retention" },
  security: { prefix: "SEC", title: "Security" },
} as const;
export type Family = keyof typeof FAMILIES;

/** CrossGuard's severities. */
export type Severity = "low" | "medium" | "high" | "critical";

/** The one resource shape rules read, built from a PlanResource offline or a PolicyResource in CrossGuard. */
export interface RuleResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** Inputs offline; inputs (or outputs during a stack analysis) in CrossGuard. `[unknown]` / `[secret]` placeholders. */
  readonly props: Readonly<Record<string, unknown>>;
  readonly parent?: string;
  /** URNs this resource depends on. */
  readonly dependencies: readonly string[];
  /** Per input property, the URNs its value came from. */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  /** URN of its provider, and the provider's inputs where known (Kubernetes default namespace). */
  readonly provider?: { readonly urn: string; readonly props: Readonly<Record<string, unknown>> };
}

/** What the environment is: offline from the Plan's `env`, in CrossGuard from the pack config. */
export interface RuleEnv {
  readonly name: string;
  readonly production: boolean;
}

export interface Violation {
  /** Resource the violation is about; resource rules default to the resource checked. */
  readonly urn?: string;
  readonly message: string;
  /** Property path inside the resource, e.g. `spec.template.spec.containers[0].image`. */
  readonly path?: string;
}

interface RuleMeta {
  /** Stable id such as `HA-001`: what waivers, overrides and reports name. */
  readonly id: string;
  /** kebab-case name, used in file names and as a readable alias. */
  readonly slug: string;
  readonly title: string;
  readonly family: Family;
  readonly severity: Severity;
  /** Why the rule exists: the failure it prevents. */
  readonly rationale: string;
  /** What to change, in the values files where possible. */
  readonly remediation: string;
  /** Pulumi type tokens the rule reads (resource rules run on exactly these). */
  readonly resourceTypes: readonly string[];
}

/** Looks at one resource at a time (a ResourceValidationPolicy in CrossGuard). */
export interface ResourceRule extends RuleMeta {
  readonly scope: "resource";
  check(resource: RuleResource, env: RuleEnv): readonly Violation[];
}

/** Looks at the whole stack: selectors, dependencies, capacity (a StackValidationPolicy). */
export interface StackRule extends RuleMeta {
  readonly scope: "stack";
  check(stack: StackView, env: RuleEnv): readonly Violation[];
}

export type Rule = ResourceRule | StackRule;

export function appliesTo(rule: Rule, type: string): boolean {
  return rule.resourceTypes.includes(type);
}
