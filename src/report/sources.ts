/**
 * What `report --against` names, per env of the report: a plan file (one env), a rendered
 * directory holding `<env>/plan.json` (or a `plan.json` of its own, for one env), `<ref>:<env>`
 * (one env) or a git ref, whose envs are rendered from a temporary worktree (diff's sources).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseSource, type PlanSource } from "../diff/sources";
import { resolveGitRef } from "../plan/git-ref";
import type { Project } from "../project/project";
import { InputError } from "../util/errors";

export function againstSources(spec: string, envs: readonly string[], project: Project, cwd: string): PlanSource[] {
  const abs = path.resolve(cwd, spec);
  if (fs.existsSync(abs)) {
    if (fs.statSync(abs).isDirectory()) {
      const perEnv = envs.map((env) => path.join(abs, env, "plan.json"));
      if (perEnv.every((f) => fs.existsSync(f))) return envs.map((env, i) => ({ kind: "file", file: perEnv[i]!, label: path.join(spec, env) }));
      if (envs.length === 1 && fs.existsSync(path.join(abs, "plan.json"))) return [{ kind: "file", file: path.join(abs, "plan.json"), label: spec }];
      const missing = perEnv.find((f) => !fs.existsSync(f))!;
      throw new InputError({ file: path.relative(cwd, missing) || missing, message: `--against ${JSON.stringify(spec)}: no rendered plan for this env; expected <dir>/<env>/plan.json for ${envs.join(", ")}` });
    }
    if (envs.length !== 1) throw new InputError({ path: "--against", message: `${JSON.stringify(spec)} is one plan file; with --all, name a rendered directory (<dir>/<env>/plan.json) or a git ref` });
    return [{ kind: "file", file: abs, label: spec }];
  }
  if (spec.includes(":")) {
    const s = parseSource(spec, cwd, "--against");
    if (s.kind !== "ref") throw new InputError({ path: "--against", message: `${JSON.stringify(spec)}: expected <git ref>:<env>` });
    if (envs.length !== 1) throw new InputError({ path: "--against", message: `${JSON.stringify(spec)} names one env; with --all, pass the git ref alone` });
    return [s];
  }
  if (spec.startsWith("-")) throw new InputError({ path: "--against", message: `${JSON.stringify(spec)}: a git ref cannot start with "-"` });
  try {
    resolveGitRef(project, spec);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError({ path: "--against", message: `${JSON.stringify(spec)} is not a plan file, a rendered directory or a git ref (${err.problems[0]?.message ?? err.message})` });
  }
  return envs.map((env) => ({ kind: "ref", ref: spec, env, label: `${spec}:${env}` }));
}
