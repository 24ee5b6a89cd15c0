import type { Command } from "commander";
import { obtainPlans } from "../../check/obtain-plan";
import { costDelta, costDeltaMarkdown, costJson, costMarkdown, costOf, costText, specVolumes, type CostOptions } from "../../cost/index";
import type { Plan } from "../../plan/types";
import { writeFileAtomic } from "../../util/atomic-write";
import { InputError } from "../../util/errors";
import { stableStringify } from "../../util/stable-json";
import { loadEnvironment } from "../../values/load";
import { projectFrom, resolveFrom, withRoot, type CommandContext } from "../context";

interface CostOpts {
  env?: string;
  plan?: string;
  against?: string;
  planDir?: string;
  format: string;
  output?: string;
  root?: string;
}

export function registerCost(program: Command, ctx: CommandContext): void {
  withRoot(
    program
      .command("cost")
      .summary("monthly CloudWatch cost of an env (alarms, custom metrics, logs)")
      .description(
        "Price an env's plan at CloudWatch list prices (src/cost/prices.json, with date and sources): alarms " +
          "(standard, high resolution, composite), custom metrics, log ingestion and steady-state storage " +
          "(daily volume × retention days). --against <env> prints the change from another env's plan.",
      )
      .option("--env <env>", "environment (stack) name")
      .option("--plan <file>", "price this plan.json (log volumes from tags only)")
      .option("--against <env>", "compare with this env's plan: the cost delta from it to --env")
      .option("--plan-dir <dir>", "read plans rendered earlier from <dir>/<env>/plan.json instead of rendering")
      .option("--format <format>", "text, json or markdown", "text")
      .option("--output <file>", "write to a file (atomically) instead of stdout"),
  ).action(async (opts: CostOpts) => {
    if (!["text", "json", "markdown"].includes(opts.format)) throw new InputError({ path: "--format", message: `unknown format ${JSON.stringify(opts.format)}; expected text, json or markdown` });
    if ((opts.env === undefined) === (opts.plan === undefined)) throw new InputError({ message: "expected exactly one of --env <env> or --plan <file>" });
    const project = opts.env || opts.against ? projectFrom(ctx, opts) : undefined;
    const planDir = opts.planDir ? resolveFrom(ctx.io.cwd, opts.planDir) : undefined;
    const envs = [...(opts.env ? [opts.env] : []), ...(opts.against ? [opts.against] : [])];
    const plans = envs.length ? await obtainPlans({ project: project!, envs, cwd: ctx.io.cwd, ...(planDir ? { planDir } : {}) }) : [];
    const load = (env: string): { plan: Plan; options: CostOptions } => {
      const plan = plans[envs.indexOf(env)]!;
      return { plan, options: { volumes: specVolumes(loadEnvironment(project!, env).spec, plan) } };
    };
    const current = opts.plan ? { plan: (await obtainPlans({ cwd: ctx.io.cwd, planFile: opts.plan }))[0]!, options: {} } : load(opts.env!);
    let text: string;
    if (opts.against) {
      const base = load(opts.against);
      const delta = costDelta(base.plan, current.plan, { a: base.options, b: current.options });
      text = opts.format === "markdown" ? costDeltaMarkdown(delta) : opts.format === "json" ? stableStringify({ total: delta.total, byCategory: delta.byCategory, changes: delta.changes }) : deltaText(delta.total, delta.before.env, delta.after.env, delta.changes);
    } else {
      const report = costOf(current.plan, current.options);
      text = opts.format === "json" ? costJson(report) : opts.format === "markdown" ? costMarkdown(report) : costText(report);
    }
    if (opts.output) writeFileAtomic(resolveFrom(ctx.io.cwd, opts.output), text);
    else ctx.io.stdout(text);
  });
}

function deltaText(total: number, from: string, to: string, changes: readonly { resource: string; category: string; before: number; after: number }[]): string {
  const sign = (n: number) => `${n >= 0 ? "+" : "-"}$${Math.abs(n).toFixed(2)}`;
  const lines = [`CloudWatch cost ${from} → ${to}: ${sign(total)}/month`, ...changes.map((c) => `  ${sign(c.after - c.before).padStart(9)}  ${c.resource} ${c.category} ($${c.before.toFixed(2)} → $${c.after.toFixed(2)})`)];
  return `${lines.join("\n")}\n`;
}
