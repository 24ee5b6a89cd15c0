/**
 * `stackplan review`: render every env of the project, then, along the promotion order
 * (dev → staging → prod), what differs from one env to the next — counts per operation, the
 * resource types that change most and the replacements — and the policy checks.
 */
import { diffPlans } from "../diff/engine";
import { changeCount, countsLine, topChangedKinds } from "../diff/summary";
import type { PlanDiff } from "../diff/types";
import type { Project } from "../project/project";
import { listStacks } from "../project/stack-config";
import { renderEnvs, type RenderedEnv, type RenderOptions } from "../plan/render";
import { reviewChecks, type ReviewChecks } from "./checks";

export interface ReviewResult {
  readonly rendered: readonly RenderedEnv[];
  /** One diff per consecutive pair of envs in promotion order. */
  readonly promotions: readonly PlanDiff[];
  readonly checks: ReviewChecks;
}

export async function runReview(project: Project, opts: RenderOptions = {}): Promise<ReviewResult> {
  const envs = listStacks(project).map((s) => s.facts.name);
  const rendered = await renderEnvs(project, envs, opts);
  const promotions = rendered.slice(1).map((r, i) => diffPlans(rendered[i]!.plan, r.plan, { fromLabel: rendered[i]!.env, toLabel: r.env }));
  const checks = reviewChecks(rendered);
  return { rendered, promotions, checks };
}

/** The review as text. */
export function formatReview(result: ReviewResult): string {
  const lines: string[] = [];
  const width = Math.max(...result.rendered.map((r) => r.env.length));
  for (const r of result.rendered) {
    lines.push(`  ${r.env.padEnd(width)}  ${String(r.plan.resources.length).padStart(5)} resources  ${String(r.manifestCount).padStart(4)} manifests`);
  }
  for (const d of result.promotions) {
    lines.push("", `Promotion ${d.from.label} → ${d.to.label}: ${changeCount(d)} change${changeCount(d) === 1 ? "" : "s"} (${countsLine(d)})`);
    const kinds = topChangedKinds(d, 5);
    if (kinds.length) lines.push(`  most changed: ${kinds.map((k) => `${k.type} (${k.count})`).join(", ")}`);
    const replaced = d.steps.filter((s) => s.op === "replace");
    for (const s of replaced.slice(0, 5)) lines.push(`  replaced: ${s.type} ${JSON.stringify(s.name)} (${s.replaceReasons.join(", ")})`);
    if (replaced.length > 5) lines.push(`  … and ${replaced.length - 5} more replacements (stackplan diff --from ${d.from.label} --to ${d.to.label})`);
  }
  lines.push("", ...result.checks.lines);
  return `${lines.join("\n")}\n`;
}
