import type { Command } from "commander";
import { packConfig } from "../../check/pack-config";
import { rulesMarkdown } from "../../check/rules-doc";
import { RULES } from "../../../policies/registry";
import { writeFileAtomic } from "../../util/atomic-write";
import { stableStringify } from "../../util/stable-json";
import { loadEnvironment } from "../../values/load";
import { projectFrom, resolveFrom, withRoot, type CommandContext } from "../context";

interface RulesOpts {
  markdown?: boolean;
  json?: boolean;
  packConfig?: string;
  output?: string;
  root?: string;
}

export function registerRules(program: Command, ctx: CommandContext): void {
  withRoot(
    program
      .command("rules")
      .summary("list the policy rules, write RULES.md or a CrossGuard pack config")
      .description(
        "List every policy rule. --markdown prints the rules reference (RULES.md: `npm run rules` writes it); " +
          "--pack-config <env> prints the env's --policy-pack-config JSON for `pulumi preview --policy-pack policies` " +
          "(levels, env class and waivers from the env's values; conventionally policies/config/<env>.json).",
      )
      .option("--markdown", "print RULES.md")
      .option("--json", "print the rule metadata as JSON")
      .option("--pack-config <env>", "print the CrossGuard policy pack config of an env")
      .option("--output <file>", "write to a file (atomically) instead of stdout"),
  ).action((opts: RulesOpts) => {
    let text: string;
    if (opts.packConfig) {
      const env = loadEnvironment(projectFrom(ctx, opts), opts.packConfig);
      text = stableStringify(packConfig(env.facts, env.spec.policy));
    } else if (opts.markdown) {
      text = rulesMarkdown();
    } else if (opts.json) {
      text = stableStringify(RULES.map(({ check: _check, ...meta }) => meta));
    } else {
      text = `${RULES.map((r) => `${r.id.padEnd(8)} ${r.severity.padEnd(9)} ${r.scope.padEnd(9)} ${r.title}`).join("\n")}\n`;
    }
    if (opts.output) writeFileAtomic(resolveFrom(ctx.io.cwd, opts.output), text);
    else ctx.io.stdout(text);
  });
}
