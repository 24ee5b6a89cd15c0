/**
 * Where `check` and `cost` get a Plan. For now: `<planDir>/<env>/plan.json` as written by
 * `stackplan render` (default planDir `rendered/` under the project root), or one file given
 * with `--plan`. INTEGRATION: the lead switches the env branch to `renderEnv(project, env)`
 * from src/plan/render.ts so that plans are rendered on the fly; callers do not change.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { policySpec } from "../spec/policy";
import { PLAN_FORMAT_VERSION, type Plan } from "../plan/types";
import { InputError } from "../util/errors";

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

export function readPlanFile(file: string, shown: string = file): Plan {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new InputError({ file: shown, message: e.code === "ENOENT" ? "no such plan file" : `not a JSON plan: ${e.message}` });
  }
  const p = data as Partial<Plan>;
  if (p === null || typeof p !== "object" || p.formatVersion !== PLAN_FORMAT_VERSION || !Array.isArray(p.resources) || typeof p.env !== "object") {
    throw new InputError({ file: shown, message: `not a stackplan plan (expected formatVersion ${PLAN_FORMAT_VERSION}, env and resources); re-render it with \`stackplan render\`` });
  }
  const policy = policySpec.safeParse(p.policy ?? {});
  if (!policy.success) throw new InputError({ file: shown, path: "policy", message: `invalid policy settings: ${policy.error.issues.map((i) => i.message).join("; ")}` });
  return { ...(p as Plan), policy: policy.data };
}
