import * as path from "node:path";
import type { Command } from "commander";
import { buildKustomization, serializeObjects } from "../../kustomize/index";
import type { CommandContext } from "../context";

export function registerBuild(program: Command, ctx: CommandContext): void {
  program
    .command("build")
    .summary("print the build of a kustomization directory (like kubectl kustomize)")
    .description(
      "Build a kustomization directory with kustomize v5 semantics and print the result\n" +
        "exactly as `kubectl kustomize <dir>` prints it. Unsupported fields are refused by name.",
    )
    .argument("<dir>", "directory holding kustomization.yaml")
    .action((dir: string) => {
      const abs = path.resolve(ctx.io.cwd, dir);
      const objs = buildKustomization(abs, { displayPath: (p) => path.relative(ctx.io.cwd, p) || "." });
      ctx.io.stdout(serializeObjects(objs));
    });
}
