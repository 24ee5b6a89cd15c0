/** What `stackplan check` finds: the input of every report format. */
import type { Family, Severity } from "../../policies/lib/rule";
import type { WaiverSpec } from "../spec/policy";

export type Level = "advisory" | "mandatory";

/**
 * violation: a rule is broken. waived: broken, but an unexpired waiver covers it (not counted).
 * waiver-expired: a waiver past its date (counted at the rule's level). waiver-unmatched /
 * waiver-unused: a waiver naming no resource, or one whose resource no longer breaks the rule
 * (advisory: clean it up).
 */
export type FindingKind = "violation" | "waived" | "waiver-expired" | "waiver-unmatched" | "waiver-unused";

export interface Finding {
  readonly kind: FindingKind;
  readonly rule: string;
  readonly family?: Family;
  readonly severity?: Severity;
  readonly level: Level;
  /** The resource; waiver findings that match no resource carry the waiver's own `resource` as key. */
  readonly urn?: string;
  readonly type?: string;
  /** How people and waivers name the resource: `Deployment/shop/web` or `aws:ec2/subnet:Subnet::private-a`. */
  readonly resource: string;
  readonly message: string;
  readonly path?: string;
  readonly waiver?: WaiverSpec;
}

export interface RuleRun {
  readonly id: string;
  /** `disabled` rules did not run. */
  readonly level: Level | "disabled";
}

export interface CheckResult {
  readonly env: { readonly name: string; readonly class: string; readonly production: boolean };
  readonly today: string;
  readonly resources: number;
  readonly rules: readonly RuleRun[];
  /** Sorted: by resource, then rule, then message. */
  readonly findings: readonly Finding[];
}

export interface Summary {
  readonly mandatory: number;
  readonly advisory: number;
  readonly waived: number;
  readonly passed: boolean;
}

/** Counted findings are violations and expired waivers; a mandatory one fails the check. */
export function summarize(result: CheckResult): Summary {
  const counted = result.findings.filter((f) => f.kind === "violation" || f.kind === "waiver-expired");
  const mandatory = counted.filter((f) => f.level === "mandatory").length;
  return {
    mandatory,
    advisory: result.findings.filter((f) => f.level === "advisory" && f.kind !== "waived").length,
    waived: result.findings.filter((f) => f.kind === "waived").length,
    passed: mandatory === 0,
  };
}
