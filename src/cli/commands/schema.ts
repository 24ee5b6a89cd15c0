import type { Command } from "commander";
import { valuesLayerJsonSchema } from "../../spec/json-schema";
import { stableStringify } from "../../util/stable-json";
import type { CommandContext } from "../context";

export function registerSchema(program: Command, ctx: CommandContext): void {
  program
    .command("schema")
    .summary("print the JSON Schema of a values layer, for editors")
    .description(
      "Print the JSON Schema of overlays/*/values.yaml files. Every key is optional and may be null " +
        "(a layer is partial); unknown keys are errors. Point your editor at it, e.g. with " +
        "`# yaml-language-server: $schema=../../values.schema.json` at the top of a values file.",
    )
    .action(() => {
      ctx.io.stdout(stableStringify(valuesLayerJsonSchema()));
    });
}
