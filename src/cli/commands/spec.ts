import type { Command } from "commander";
import { stringify } from "yaml";
import { stableStringify } from "../../util/stable-json";
import { loadEnvironment } from "../../values/load";
import { projectFrom, withRoot, type CommandContext } from "../context";

export function registerSpec(program: Command, ctx: CommandContext): void {
  withRoot(
    program
      .command("spec")
      .summary("print the resolved spec of an environment")
      .description(
        "Load overlays/base/values.yaml and the env's layers, merge them (maps merge, lists replace, " +
          "null deletes), render templates and validate the result; print the resolved spec.",
      )
      .requiredOption("--env <env>", "environment (stack) name, e.g. dev")
      .option("--json", "print JSON instead of YAML"),
  ).action((opts: { env: string; json?: boolean; root?: string }) => {
    const loaded = loadEnvironment(projectFrom(ctx, opts), opts.env);
    if (opts.json) {
      ctx.io.stdout(stableStringify(loaded.spec));
      return;
    }
    const chain = loaded.layers.map((l) => l.yaml?.file ?? `overlays/${l.name}/ (no values.yaml)`).join(" → ");
    ctx.io.stdout(`# env ${loaded.facts.name} (${loaded.facts.class}, ${loaded.facts.region}): ${chain}\n`);
    ctx.io.stdout(stringify(loaded.spec, { lineWidth: 0, sortMapEntries: true, aliasDuplicateObjects: false }));
  });
}
