/**
 * Where `check` and `cost` get their plans: rendered on the fly for envs (offline, in worker
 * processes, nothing written), or read from `<planDir>/<env>/plan.json` when a plan directory
 * is given (CI renders once with `render --all` and checks what it rendered), or one file given
 * with `--plan`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { renderEnvs } from "../plan/render";
import { readPlanFile } from "../plan/plan-file";
import type { Plan } from "../plan/types";
import type { Project } from "../project/project";
import { InputError } from "../util/errors";

export interface PlansSource {
  readonly project?: Project;
  readonly envs?: readonly string[];
  /** Read `<planDir>/<env>/plan.json` instead of rendering. */
  readonly planDir?: string;
  /** Read this plan file (relative to cwd). */
  readonly planFile?: string;
  readonly cwd: string;
}

/** The plans of the given envs (in order), or of one plan file. */
export async function obtainPlans(src: PlansSource): Promise<Plan[]> {
  if (src.planFile) return [readPlanFile(path.resolve(src.cwd, src.planFile), src.planFile)];
  const envs = src.envs ?? [];
  if (envs.length === 0) throw new InputError({ message: "expected --env <env> or --plan <file>" });
  if (!src.project) throw new InputError({ message: "expected a project (Pulumi.yaml) to render envs from" });
  if (src.planDir) return envs.map((env) => obtainPlan({ root: src.project!.root, cwd: src.cwd, env, planDir: src.planDir! }));
  return (await renderEnvs(src.project, envs)).map((r) => r.plan);
}

export interface PlanSource {
  /** Project root (where Pulumi.yaml is). */
  readonly root: string;
  /** Read `<planDir>/<env>/plan.json`. */
  readonly env?: string;
  /** @default "rendered" (relative to root) */
  readonly planDir?: string;
  /** Read this plan file instead (relative to cwd). */
  readonly planFile?: string;
  readonly cwd?: string;
}

export function obtainPlan(src: PlanSource): Plan {
  if (src.planFile) return readPlanFile(path.resolve(src.cwd ?? process.cwd(), src.planFile), src.planFile);
  if (!src.env) throw new InputError({ message: "expected --env <env> or --plan <file>" });
  const dir = path.resolve(src.root, src.planDir ?? "rendered");
  const file = path.join(dir, src.env, "plan.json");
  const shown = path.relative(src.cwd ?? src.root, file) || file;
  if (!fs.existsSync(file)) {
    throw new InputError({ file: shown, message: `no rendered plan for env ${src.env}; run \`stackplan render --env ${src.env}\` first (or pass --plan <file>)` });
  }
  return readPlanFile(file, shown);
}

export { readPlanFile };
