import * as path from "node:path";
import type { Command } from "commander";
import { buildKustomization, serializeObjects, type KObject } from "../../kustomize/index";
import { SECRET } from "../../plan/types";
import type { CommandContext } from "../context";

export function registerBuild(program: Command, ctx: CommandContext): void {
  program
    .command("build")
    .summary("print the build of a kustomization directory (like kubectl kustomize)")
    .description(
      "Build a kustomization directory with kustomize v5 semantics and print the result " +
        "exactly as `kubectl kustomize <dir>` prints it. Unsupported fields are refused by name. " +
        "The values of Secrets (data, stringData) print as [secret] unless --reveal-secrets.",
    )
    .argument("<dir>", "directory holding kustomization.yaml")
    .option("--reveal-secrets", "print the values of Secrets as kubectl kustomize does")
    .action((dir: string, opts: { revealSecrets?: boolean }) => {
      const abs = path.resolve(ctx.io.cwd, dir);
      const objs = buildKustomization(abs, { displayPath: (p) => path.relative(ctx.io.cwd, p) || "." });
      ctx.io.stdout(serializeObjects(opts.revealSecrets ? objs : objs.map(maskSecret)));
    });
}

/**
 * A Secret with every value of `data` and `stringData` replaced by `[secret]`, keys kept. The
 * name keeps its content-hash suffix, computed from the real values, so names still match
 * kubectl's output and change when a value changes.
 */
export function maskSecret(obj: KObject): KObject {
  if (obj.kind !== "Secret" || !/^v1$/.test(String(obj.apiVersion))) return obj;
  const out: KObject = { ...obj };
  for (const field of ["data", "stringData"] as const) {
    const values = obj[field];
    if (values !== null && typeof values === "object" && !Array.isArray(values)) {
      out[field] = Object.fromEntries(Object.keys(values).map((k) => [k, SECRET]));
    }
  }
  return out;
}
