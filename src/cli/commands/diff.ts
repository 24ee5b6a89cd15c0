import type { Command } from "commander";
import { diffPlans } from "../../diff/engine";
import { formatJson } from "../../diff/format-json";
import { formatMarkdown } from "../../diff/format-markdown";
import { formatText } from "../../diff/format-text";
import { loadPlans, parseSource } from "../../diff/sources";
import { changeCount } from "../../diff/summary";
import type { Project } from "../../project/project";
import { DEFAULT_TIMEOUT_MS } from "../../plan/render";
import { FailureExit, InputError } from "../../util/errors";
import { projectFrom, withRoot, type CommandContext } from "../context";
import { interruptible, parseTimeout } from "./render-options";

const FORMATS = ["text", "json", "markdown"] as const;

interface DiffFlags {
  from: string;
  to: string;
  format: string;
  exitCode?: boolean;
  showSames?: boolean;
  normalize: boolean;
  timeout: string;
  root?: string;
}

export function registerDiff(program: Command, ctx: CommandContext): void {
  withRoot(
    program
      .command("diff")
      .summary("diff two plans like `pulumi preview --diff` (env vs env, branch vs main)")
      .description(
        "Compare two plans and print what going from --from to --to would do: create, update, replace " +
          "(a create-only property changed) or delete, with each property's old => new value. A side is " +
          "an env rendered now (prod), a rendered env directory (rendered/prod) or an env at a git ref " +
          "(main:prod, rendered from a temporary worktree). Between two envs, env names and account ids " +
          "are compared as {env} and {account}. Secrets show as [secret], changed or not.",
      )
      .requiredOption("--from <plan>", "old side: <env>, <dir> or <git ref>:<env>")
      .requiredOption("--to <plan>", "new side: <env>, <dir> or <git ref>:<env>")
      .option("--format <format>", `output format: ${FORMATS.join(", ")}`, "text")
      .option("--exit-code", "exit 1 when there are changes")
      .option("--show-sames", "list unchanged resources too (text and json)")
      .option("--no-normalize", "compare two envs literally (env names and account ids included)")
      .option("--timeout <seconds>", "give up on a render after this long", String(DEFAULT_TIMEOUT_MS / 1000)),
  ).action(async (opts: DiffFlags) => {
    if (!(FORMATS as readonly string[]).includes(opts.format)) {
      throw new InputError({ message: `--format ${JSON.stringify(opts.format)}: expected one of ${FORMATS.join(", ")}` });
    }
    const from = parseSource(opts.from, ctx.io.cwd, "--from");
    const to = parseSource(opts.to, ctx.io.cwd, "--to");
    const project = from.kind === "file" && to.kind === "file" ? undefined : optionalProject(ctx, opts);
    const timeoutMs = parseTimeout(opts.timeout);
    const plans = await interruptible(ctx, (signal) => loadPlans(project, [from, to], { timeoutMs, signal, debug: Boolean(ctx.io.env.STACKPLAN_DEBUG) }));
    if (!plans) return;
    const diff = diffPlans(plans[0]!, plans[1]!, { normalizeEnv: opts.normalize, fromLabel: from.label, toLabel: to.label });
    const showSames = Boolean(opts.showSames);
    const text =
      opts.format === "json"
        ? formatJson(diff, { showSames })
        : opts.format === "markdown"
          ? formatMarkdown(diff)
          : formatText(diff, { showSames, color: ctx.io.isTTY && !ctx.io.env.NO_COLOR });
    ctx.io.stdout(text);
    if (opts.exitCode && changeCount(diff) > 0) throw new FailureExit("");
  });
}

/** The project when there is one; an error only if a side needs it (sources.ts says so). */
function optionalProject(ctx: CommandContext, opts: { root?: string }): Project | undefined {
  try {
    return projectFrom(ctx, opts);
  } catch (err) {
    if (err instanceof InputError && !opts.root) return undefined;
    throw err;
  }
}
