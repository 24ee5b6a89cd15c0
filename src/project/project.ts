/**
 * The Pulumi project stackplan works on: `Pulumi.yaml` at its root, stack files in the
 * `stackConfigDir` (stacks/), overlays in overlays/.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { InputError, type Problem } from "../util/errors";
import { readYamlFile } from "../util/yaml-file";
import { zodProblems } from "../util/zod-problems";

export interface Project {
  /** Absolute path of the directory holding Pulumi.yaml. */
  readonly root: string;
  readonly name: string;
  /** Absolute path of the stack config directory. */
  readonly stackConfigDir: string;
  /** Absolute path of the overlays directory. */
  readonly overlaysDir: string;
}

const ProjectFile = z.looseObject({
  name: z.string().regex(/^[A-Za-z0-9_.-]+$/, "expected a Pulumi project name (letters, digits, _ . -)"),
  runtime: z.union([z.string(), z.looseObject({ name: z.string() })], { error: "expected the program's runtime: nodejs, or { name: nodejs, options: … }" }),
  main: z.string().optional(),
  stackConfigDir: z.string().optional(),
});

/** Walk up from `start` to the nearest directory holding Pulumi.yaml. */
export function findProjectRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) {
      throw new InputError({
        file: path.resolve(start),
        message: "no Pulumi.yaml here or in any parent directory; run stackplan inside a project or pass --root <dir>",
      });
    }
    dir = up;
  }
}

export function loadProject(rootOrStart: string): Project {
  const root = findProjectRoot(rootOrStart);
  const file = "Pulumi.yaml";
  const y = readYamlFile(path.join(root, file), file);
  const parsed = ProjectFile.safeParse(y.value);
  if (!parsed.success) throw invalidFile(zodProblems(parsed.error, y), `${file} is not a valid Pulumi project file:`);
  const stackConfigDir = path.resolve(root, parsed.data.stackConfigDir ?? ".");
  return { root, name: parsed.data.name, stackConfigDir, overlaysDir: path.join(root, "overlays") };
}

/** One problem is one line (`file:line:col: path: message`); several get the headline. */
export function invalidFile(problems: readonly Problem[], headline: string): InputError {
  return new InputError(problems, problems.length > 1 ? headline : undefined);
}

/** Path relative to the project root, for messages and outputs (always with forward slashes). */
export function rel(project: Project, abs: string): string {
  const r = path.relative(project.root, abs);
  return (r.startsWith("..") || path.isAbsolute(r) ? abs : r).split(path.sep).join("/");
}
