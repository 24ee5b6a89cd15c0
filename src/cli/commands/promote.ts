import type { Command } from "commander";
import { parseToday } from "../../check/today";
import { DEFAULT_TIMEOUT_MS } from "../../plan/render";
import { promote } from "../../promote/promote";
import { promoteMarkdown, promoteText } from "../../promote/report";
import { FailureExit, InputError } from "../../util/errors";
import { projectFrom, withRoot, type CommandContext } from "../context";
import { parseTimeout } from "./render-options";

interface PromoteFlags {
  from: string;
  to: string;
  force?: boolean;
  dryRun?: boolean;
  format: string;
  today?: string;
  timeout: string;
  root?: string;
}

export function registerPromote(program: Command, ctx: CommandContext): void {
  withRoot(
    program
      .command("promote")
      .summary("copy pinned versions from one env to the next, behind the policy gates")
      .description(
        "Copy the promotable pins (spec promotion.promotable: image tags and digests, add-on versions, the " +
          "Kubernetes version) from --from's effective values into --to's overlay file, editing it in place " +
          "(comments and layout kept). Refused unless --to is the next env in the promotion order (--force " +
          "overrides), --from passes its mandatory policies, --to still passes them after the promotion, and " +
          "no pin was edited locally (against the last commit) to another value. Prints the pins, the gates " +
          "and the diff of --to. Exits 1 when a policy gate refuses, 2 on bad input.",
      )
      .requiredOption("--from <env>", "the env to promote from, e.g. staging")
      .requiredOption("--to <env>", "the env to promote to, e.g. prod")
      .option("--force", "allow a target that is not the next env in the promotion order")
      .option("--dry-run", "render, check and diff, but change no file")
      .option("--format <format>", "text or markdown", "text")
      .option("--today <date>", "judge waiver expiry as of this date, YYYY-MM-DD (default: today, UTC)")
      .option("--timeout <seconds>", "give up on a render after this long", String(DEFAULT_TIMEOUT_MS / 1000)),
  ).action(async (opts: PromoteFlags) => {
    if (opts.format !== "text" && opts.format !== "markdown") {
      throw new InputError({ message: `--format ${JSON.stringify(opts.format)}: expected text or markdown` });
    }
    const project = projectFrom(ctx, opts);
    const result = await promote(project, {
      from: opts.from,
      to: opts.to,
      force: opts.force ?? false,
      dryRun: opts.dryRun ?? false,
      today: parseToday(opts.today),
      timeoutMs: parseTimeout(opts.timeout),
    });
    const dryRun = opts.dryRun ?? false;
    ctx.io.stdout(opts.format === "markdown" ? promoteMarkdown(result, { dryRun }) : promoteText(result, { dryRun, color: ctx.io.isTTY && !ctx.io.env.NO_COLOR }));
    if (result.refused) throw new FailureExit(`promotion refused: ${result.refused}`);
  });
}
