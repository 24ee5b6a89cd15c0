/**
 * The policy step of `stackplan review`: the one place where the policy engine (src/check)
 * meets the rendered envs. One line per env with its verdict, then each mandatory violation;
 * `stackplan check --env <env>` has the full report.
 */
import { checkPlan } from "../check/evaluate";
import { parseToday } from "../check/today";
import { summarize } from "../check/types";
import type { RenderedEnv } from "../plan/render";

export interface ReviewChecks {
  /** What to print under the promotion summaries. */
  readonly lines: readonly string[];
  /** A mandatory violation in some env: review exits 1. */
  readonly failed: boolean;
}

/** At most this many mandatory violations are listed per env. */
const LISTED = 10;

export function reviewChecks(rendered: readonly RenderedEnv[], today: string = parseToday(undefined)): ReviewChecks {
  const lines = ["Policy checks:"];
  let failed = false;
  const width = Math.max(...rendered.map((r) => r.env.length));
  for (const r of rendered) {
    const result = checkPlan(r.plan, { today });
    const s = summarize(result);
    failed ||= !s.passed;
    lines.push(`  ${r.env.padEnd(width)}  ${s.passed ? "PASS" : "FAIL"}: ${s.mandatory} mandatory, ${s.advisory} advisory, ${s.waived} waived (${r.plan.policy.enforcement})`);
    const mandatory = result.findings.filter((f) => f.level === "mandatory" && (f.kind === "violation" || f.kind === "waiver-expired"));
    for (const f of mandatory.slice(0, LISTED)) lines.push(`    ${f.rule} ${f.resource}: ${f.message}`);
    if (mandatory.length > LISTED) lines.push(`    … ${mandatory.length - LISTED} more (stackplan check --env ${r.env})`);
  }
  return { lines, failed };
}
