import { execFileSync } from "node:child_process";
import * as path from "node:path";
import type { Command } from "commander";
import { valuesLocator, type Locator } from "../../check/locate";
import { renderReport } from "../../check/render-report";
import { parseToday } from "../../check/today";
import { summarize, type CheckResult } from "../../check/types";
import { mandatoryViolations, runCi } from "../../ci/ci";
import { ciReportHtml } from "../../ci/html";
import { ciMarkdown } from "../../ci/report";
import { changeCount, countsLine } from "../../diff/summary";
import { DEFAULT_TIMEOUT_MS } from "../../plan/render";
import type { Project } from "../../project/project";
import { writeReport } from "../../report/index";
import { writeFileAtomic } from "../../util/atomic-write";
import { FailureExit, InputError } from "../../util/errors";
import { toolVersion } from "../../util/tool-root";
import { projectFrom, resolveFrom, withRoot, type CommandContext } from "../context";
import { parseTimeout } from "./render-options";

interface CiFlags {
  base?: string;
  out: string;
  today?: string;
  timeout: string;
  root?: string;
}

export const CI_OUTPUTS = { report: "stackplan-report.md", sarif: "stackplan.sarif", junit: "junit.xml", html: "stackplan-report.html" } as const;

export function registerCi(program: Command, ctx: CommandContext): void {
  withRoot(
    program
      .command("ci")
      .summary("pull-request one-shot: render head and merge base, diff, check, write the reports")
      .description(
        "Render every env at the head (the working tree) and at the merge base with --base, diff each env, " +
          "run the policies on the head, and write stackplan-report.md (the PR comment), stackplan.sarif (code " +
          "scanning), junit.xml and stackplan-report.html (the map and the change, see `report`) into --out. Exits 1 on a mandatory policy violation (after writing them).",
      )
      .option("--base <ref>", "the branch the change merges into (default: origin/main, else main)")
      .option("--out <dir>", "where to write the reports", ".")
      .option("--today <date>", "judge waiver expiry as of this date, YYYY-MM-DD (default: today, UTC)")
      .option("--timeout <seconds>", "give up on a render after this long", String(DEFAULT_TIMEOUT_MS / 1000)),
  ).action(async (opts: CiFlags) => {
    const project = projectFrom(ctx, opts);
    const today = parseToday(opts.today);
    const out = resolveFrom(ctx.io.cwd, opts.out);
    const base = opts.base ?? defaultBase(project);
    const result = await runCi(project, { base, today, render: { timeoutMs: parseTimeout(opts.timeout) } });
    const checks = result.envs.map((e) => e.check).filter((c): c is CheckResult => c !== undefined);
    const locators = new Map<CheckResult, Locator>(result.envs.filter((e) => e.check && e.after).map((e) => [e.check!, valuesLocator(project, e.after!)]));
    writeFileAtomic(path.join(out, CI_OUTPUTS.report), ciMarkdown(result, (c) => locators.get(c)));
    writeFileAtomic(path.join(out, CI_OUTPUTS.sarif), renderReport(checks, "sarif", { version: toolVersion(), locators }));
    writeFileAtomic(path.join(out, CI_OUTPUTS.junit), renderReport(checks, "junit", { version: toolVersion(), locators }));
    writeReport(path.join(out, CI_OUTPUTS.html), ciReportHtml(result, project.name, toolVersion()), CI_OUTPUTS.html);
    const lines = [`stackplan ci: compared with ${base} (merge base ${result.mergeBase.slice(0, 12)})`];
    for (const e of result.envs) {
      const s = e.check ? summarize(e.check) : undefined;
      lines.push(`  ${e.env.padEnd(10)} ${String(changeCount(e.diff)).padStart(4)} changes (${countsLine(e.diff)})${s ? `  policies: ${s.passed ? "PASS" : "FAIL"} ${s.mandatory} mandatory, ${s.advisory} advisory` : ""}`);
    }
    lines.push(`Wrote ${Object.values(CI_OUTPUTS).map((f) => path.relative(ctx.io.cwd, path.join(out, f)) || f).join(", ")}`);
    ctx.io.stdout(`${lines.join("\n")}\n`);
    const failing = mandatoryViolations(result);
    if (failing.length) throw new FailureExit(`mandatory policy violations: ${failing.map((f) => `${f.count} in ${f.env}`).join(", ")}`);
  });
}

/** origin/main when the clone has it (CI), else main. */
function defaultBase(project: Project): string {
  for (const ref of ["origin/main", "main"]) {
    try {
      execFileSync("git", ["-C", project.root, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { stdio: "ignore" });
      return ref;
    } catch {
      // try the next
    }
  }
  throw new InputError({ message: "no origin/main or main branch to compare with; pass --base <ref>" });
}
