import type { Command } from "commander";
import { checkPlan } from "../../check/evaluate";
import { valuesLocator, type Locator } from "../../check/locate";
import { obtainPlans } from "../../check/obtain-plan";
import { FORMATS, parseFormat, renderReport } from "../../check/render-report";
import { parseToday } from "../../check/today";
import { summarize, type CheckResult } from "../../check/types";
import { listStacks } from "../../project/stack-config";
import { writeFileAtomic } from "../../util/atomic-write";
import { FailureExit, InputError } from "../../util/errors";
import { toolVersion } from "../../util/tool-root";
import { projectFrom, resolveFrom, withRoot, type CommandContext } from "../context";

interface CheckOpts {
  env?: string;
  all?: boolean;
  plan?: string;
  planDir?: string;
  format: string;
  output?: string;
  today?: string;
  verbose?: boolean;
  root?: string;
}

export function registerCheck(program: Command, ctx: CommandContext): void {
  withRoot(
    program
      .command("check")
      .summary("check an env's plan against the policy packs")
      .description(
        "Run every policy rule (HA, AZ, MET, LOG, SEC) on the plan of an env, with the env's enforcement, " +
          "per-rule overrides and waivers (policy: in its values). The env is rendered offline on the fly, " +
          "unless --plan-dir names where `stackplan render` wrote it. Exits 1 when a mandatory rule is violated.",
      )
      .option("--env <env>", "environment (stack) name")
      .option("--all", "check every env with a stacks/Pulumi.<env>.yaml")
      .option("--plan <file>", "check this plan.json instead of rendering the env")
      .option("--plan-dir <dir>", "read plans rendered earlier from <dir>/<env>/plan.json instead of rendering")
      .option("--format <format>", `report format: ${FORMATS.join(", ")}`, "text")
      .option("--output <file>", "write the report to a file (atomically) instead of stdout")
      .option("--today <date>", "judge waiver expiry as of this date, YYYY-MM-DD (default: today, UTC)")
      .option("--verbose", "text format: print how to fix each violation"),
  ).action(async (opts: CheckOpts) => {
    const format = parseFormat(opts.format);
    const today = parseToday(opts.today);
    const sources = [opts.env !== undefined, opts.all === true, opts.plan !== undefined].filter(Boolean).length;
    if (sources !== 1) throw new InputError({ message: "expected exactly one of --env <env>, --all or --plan <file>" });
    const project = opts.plan ? undefined : projectFrom(ctx, opts);
    const planDir = opts.planDir ? resolveFrom(ctx.io.cwd, opts.planDir) : undefined;
    const envs = opts.all ? listStacks(project!).map((s) => s.facts.name) : opts.env ? [opts.env] : [];
    const results: CheckResult[] = [];
    const locators = new Map<CheckResult, Locator>();
    const plans = await obtainPlans({ cwd: ctx.io.cwd, envs, ...(project ? { project } : {}), ...(planDir ? { planDir } : {}), ...(opts.plan ? { planFile: opts.plan } : {}) });
    for (const plan of plans) {
      const result = checkPlan(plan, { today });
      results.push(result);
      if (project) locators.set(result, valuesLocator(project, plan));
    }
    const text = renderReport(results, format, { version: toolVersion(), verbose: opts.verbose ?? false, locators });
    if (opts.output) writeFileAtomic(resolveFrom(ctx.io.cwd, opts.output), text);
    else ctx.io.stdout(text);
    const failing = results.map((r) => ({ env: r.env.name, n: summarize(r).mandatory })).filter((x) => x.n > 0);
    if (failing.length > 0) throw new FailureExit(`mandatory policy violations: ${failing.map((f) => `${f.n} in ${f.env}`).join(", ")}`);
  });
}
