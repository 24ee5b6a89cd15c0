import type { Command } from "commander";
import { loadProject, type Project } from "../project/project";
import type { CliIO } from "./io";

/** What every command action receives. */
export interface CommandContext {
  readonly io: CliIO;
  /** Set the exit code of the run (the highest one set wins). */
  exit(code: number): void;
}

/** `--root <dir>`: the project to work on (default: the nearest Pulumi.yaml above the working directory). */
export function withRoot(cmd: Command): Command {
  return cmd.option("--root <dir>", "project directory holding Pulumi.yaml (default: nearest one above the working directory)");
}

export function projectFrom(ctx: CommandContext, opts: { root?: string }): Project {
  return loadProject(opts.root ? resolveFrom(ctx.io.cwd, opts.root) : ctx.io.cwd);
}

export function resolveFrom(cwd: string, p: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("node:path").resolve(cwd, p);
}
