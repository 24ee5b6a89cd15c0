import * as path from "node:path";
import type { Command } from "commander";
import { checkPlan } from "../../check/evaluate";
import { parseToday } from "../../check/today";
import { costDelta, costOf, specVolumes } from "../../cost/index";
import { diffPlans } from "../../diff/engine";
import { loadPlans, type PlanSource } from "../../diff/sources";
import { DEFAULT_TIMEOUT_MS } from "../../plan/render";
import { knownStackNames, listStacks } from "../../project/stack-config";
import { assertReplaceable, reportHtml, reportModelOf, writeReport, type EnvInput } from "../../report/index";
import { againstSources } from "../../report/sources";
import { InputError } from "../../util/errors";
import { toolVersion } from "../../util/tool-root";
import { loadEnvironment } from "../../values/load";
import { projectFrom, resolveFrom, withRoot, type CommandContext } from "../context";
import { displayPath } from "./render";
import { interruptible, parseTimeout } from "./render-options";

interface ReportFlags {
  env?: string;
  all?: boolean;
  against?: string;
  out: string;
  today?: string;
  timeout: string;
  root?: string;
}

export function registerReport(program: Command, ctx: CommandContext): void {
  withRoot(
    program
      .command("report")
      .summary("one self-contained HTML page: each env's map, the change, findings and cost")
      .description(
        "Render the envs offline and write one HTML file (inline SVG, CSS and script; it loads nothing) with, per " +
          "env, a map (VPC, a column per AZ ID with its subnets and NAT gateways, endpoints, the EKS control plane, " +
          "node groups and the workloads each one runs, load balancers), the policy findings linked from the map " +
          "and the monthly cost. --against adds the change: a filterable tree of the diff, and created, updated, " +
          "replaced and deleted elements marked on the map. The same input gives the same bytes. An existing file " +
          "at --out is replaced only if it is a report stackplan wrote.",
      )
      .option("--env <env>", "environment (stack) to draw")
      .option("--all", "draw every env, in promotion order")
      .option("--against <plan-or-ref>", "compare with: a git ref (main), <ref>:<env>, a plan.json or a rendered directory (<dir>/<env>/plan.json)")
      .requiredOption("--out <file>", "the HTML file to write (atomically)")
      .option("--today <date>", "judge waiver expiry as of this date, YYYY-MM-DD (default: today, UTC)")
      .option("--timeout <seconds>", "give up on a render after this long", String(DEFAULT_TIMEOUT_MS / 1000)),
  ).action(async (opts: ReportFlags) => {
    const project = projectFrom(ctx, opts);
    if (Boolean(opts.env) === Boolean(opts.all)) {
      throw new InputError({ message: `pass --env <env> or --all (known envs: ${knownStackNames(project).join(", ") || "none"})` });
    }
    const envs = opts.all ? listStacks(project).map((s) => s.facts.name) : [opts.env!];
    if (envs.length === 0) throw new InputError({ file: path.relative(ctx.io.cwd, project.stackConfigDir) || ".", message: "no Pulumi.<env>.yaml stack files to draw" });
    const today = parseToday(opts.today);
    const timeoutMs = parseTimeout(opts.timeout);
    const out = resolveFrom(ctx.io.cwd, opts.out);
    const shown = displayPath(ctx.io.cwd, out);
    // Refuse before any work: the render takes seconds, and the answer would be no anyway.
    assertReplaceable(out, shown);
    const before: PlanSource[] = opts.against !== undefined ? againstSources(opts.against, envs, project, ctx.io.cwd) : [];
    const sources: PlanSource[] = [...envs.map((env): PlanSource => ({ kind: "env", env, label: env })), ...before];
    const plans = await interruptible(ctx, (signal) => loadPlans(project, sources, { timeoutMs, signal, debug: Boolean(ctx.io.env.STACKPLAN_DEBUG) }));
    if (!plans) return;
    const inputs = envs.map((env, i): EnvInput => {
      const plan = plans[i]!;
      const old = before.length ? plans[envs.length + i] : undefined;
      // Both sides priced with the env's declared log volumes, so that the change is the plans' change.
      const options = { volumes: specVolumes(loadEnvironment(project, env).spec, plan) };
      return {
        plan,
        check: checkPlan(plan, { today }),
        cost: costOf(plan, options),
        ...(old
          ? {
              before: old,
              diff: diffPlans(old, plan, { normalizeEnv: old.stack !== plan.stack, fromLabel: before[i]!.label, toLabel: env }),
              costDelta: costDelta(old, plan, { a: options, b: options }),
            }
          : {}),
      };
    });
    const model = reportModelOf({ project: project.name, ...(opts.against !== undefined ? { against: opts.against } : {}), version: toolVersion(), envs: inputs });
    writeReport(out, reportHtml(model), shown);
    for (const e of model.envs) {
      const changed = e.change ? e.change.groups.reduce((n, g) => n + g.resources.length, 0) : 0;
      const change = e.change ? `, ${changed} changed resource${changed === 1 ? "" : "s"}` : "";
      ctx.io.stdout(`${e.name}: ${e.map.azs.length} AZs, ${e.map.nodeGroups.length} node groups${change}, ${e.policy.mandatory} mandatory and ${e.policy.advisory} advisory findings\n`);
    }
    ctx.io.stdout(`Wrote ${shown}\n`);
  });
}
