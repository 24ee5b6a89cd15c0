import type { Command } from "commander";
import { listStacks } from "../../project/stack-config";
import { progressReporter, seconds } from "../../plan/progress";
import { DEFAULT_TIMEOUT_MS } from "../../plan/render";
import { formatReview, runReview, type ReviewResult } from "../../review/review";
import { FailureExit } from "../../util/errors";
import { projectFrom, resolveFrom, withRoot, type CommandContext } from "../context";
import { interruptible, parseTimeout } from "./render-options";

export function registerReview(program: Command, ctx: CommandContext): void {
  withRoot(
    program
      .command("review")
      .summary("render every env, diff each env against the next in promotion order, check policies")
      .description(
        "Render every stack of the project offline (in parallel), then for each step of the promotion " +
          "order (dev → staging → prod) summarise what differs: changes per operation, the resource types " +
          "that change most and the replacements. Then the policy checks. Writes nothing unless --out.",
      )
      .option("--out <dir>", "also write every env's plan.json and manifests/ here")
      .option("--timeout <seconds>", "give up on an env after this long", String(DEFAULT_TIMEOUT_MS / 1000)),
  ).action(async (opts: { out?: string; timeout: string; root?: string }) => {
    const project = projectFrom(ctx, opts);
    const envs = listStacks(project).map((s) => s.facts.name);
    const timeoutMs = parseTimeout(opts.timeout);
    const progress = progressReporter({ write: ctx.io.stdout, isTTY: ctx.io.isTTY }, envs);
    const started = Date.now();
    let result: ReviewResult | undefined;
    try {
      result = await interruptible(ctx, (signal) =>
        runReview(project, { timeoutMs, signal, onEvent: progress.onEvent, ...(opts.out ? { out: resolveFrom(ctx.io.cwd, opts.out) } : {}), debug: Boolean(ctx.io.env.STACKPLAN_DEBUG) }),
      );
    } finally {
      progress.stop();
    }
    if (!result) return;
    for (const r of result.rendered) for (const w of r.warnings) ctx.io.stderr(`warning: ${r.env}: ${w}\n`);
    ctx.io.stdout(`Rendered ${result.rendered.length} envs of ${project.name} in ${seconds(Date.now() - started)}:\n`);
    ctx.io.stdout(formatReview(result));
    if (result.checks.failed) throw new FailureExit("policy checks failed");
  });
}
