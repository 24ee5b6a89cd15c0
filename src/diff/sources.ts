/**
 * The two sides of `stackplan diff`: each one an env rendered now from the working tree
 * (`prod`), a rendered env directory (`rendered/prod`, holding plan.json) or an env rendered at
 * a git ref (`main:prod`, see plan/git-ref.ts). Renders run in parallel.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readPlanFile } from "../check/obtain-plan";
import type { Project } from "../project/project";
import { STACK_NAME } from "../project/stack-config";
import { resolveGitRef, withProjectAtRef } from "../plan/git-ref";
import { renderEnvs, type RenderOptions } from "../plan/render";
import { RenderError } from "../plan/runner";
import type { Plan } from "../plan/types";
import { InputError, type Problem } from "../util/errors";

export type PlanSource =
  | { readonly kind: "env"; readonly env: string; readonly label: string }
  | { readonly kind: "file"; readonly file: string; readonly label: string }
  | { readonly kind: "ref"; readonly ref: string; readonly env: string; readonly label: string };

const REF_ENV = /^(.+):([a-z0-9][a-z0-9-]*)$/;

/** Read `--from`/`--to`: an existing rendered env directory (or plan.json), else `<ref>:<env>`, else an env. */
export function parseSource(spec: string, cwd: string, flag: string): PlanSource {
  const abs = path.resolve(cwd, spec);
  if (fs.existsSync(abs)) {
    const file = fs.statSync(abs).isDirectory() ? path.join(abs, "plan.json") : abs;
    if (fs.existsSync(file) && file.endsWith(".json")) return { kind: "file", file, label: spec };
  }
  const m = REF_ENV.exec(spec);
  if (m) {
    // git would read "-…" as an option.
    if (m[1]!.startsWith("-")) throw new InputError({ path: flag, message: `${JSON.stringify(spec)}: a git ref cannot start with "-"` });
    return { kind: "ref", ref: m[1]!, env: m[2]!, label: spec };
  }
  if (STACK_NAME.test(spec)) return { kind: "env", env: spec, label: spec };
  throw new InputError({
    message: `${flag} ${JSON.stringify(spec)}: expected an env name (prod), a rendered env directory holding plan.json (rendered/prod) or <git ref>:<env> (main:prod)`,
  });
}

export interface LoadOptions extends Pick<RenderOptions, "timeoutMs" | "onEvent" | "signal" | "debug"> {}

/** The plans of the sources, in order. */
export async function loadPlans(project: Project | undefined, sources: readonly PlanSource[], opts: LoadOptions = {}): Promise<Plan[]> {
  const plans = new Map<PlanSource, Plan>();
  for (const s of sources) if (s.kind === "file") plans.set(s, readPlanFile(s.file, s.label));
  const needProject = () => {
    if (!project) throw new InputError({ message: "no Pulumi.yaml here or in any parent directory: an env or a git ref needs the project (pass --root <dir>)" });
    return project;
  };
  const envs = sources.filter((s): s is Extract<PlanSource, { kind: "env" }> => s.kind === "env");
  const refs = new Map<string, Extract<PlanSource, { kind: "ref" }>[]>();
  for (const s of sources) if (s.kind === "ref") refs.set(s.ref, [...(refs.get(s.ref) ?? []), s]);
  // Unknown refs fail before anything renders.
  for (const ref of refs.keys()) resolveGitRef(needProject(), ref);
  const jobs: Promise<void>[] = [];
  if (envs.length) {
    const unique = [...new Set(envs.map((s) => s.env))];
    jobs.push(renderEnvs(needProject(), unique, opts).then((rs) => envs.forEach((s) => plans.set(s, rs[unique.indexOf(s.env)]!.plan))));
  }
  for (const [ref, list] of refs) {
    const unique = [...new Set(list.map((s) => s.env))];
    jobs.push(
      withProjectAtRef(needProject(), ref, async (atRef) => {
        try {
          const rs = await renderEnvs(atRef, unique, { ...opts, lenientSpec: true, labelPrefix: `${ref}:` });
          list.forEach((s) => plans.set(s, rs[unique.indexOf(s.env)]!.plan));
        } catch (err) {
          throw err instanceof InputError && !(err instanceof RenderError) ? atRefError(err, ref) : err;
        }
      }),
    );
  }
  await settleAll(jobs);
  return sources.map((s) => plans.get(s)!);
}

/** Wait for every job; rethrow the first failure once all have stopped (temporary worktrees are cleaned). */
async function settleAll(jobs: readonly Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** Point problems found in an old tree at `<ref>:<file>`, as git names files at a ref. */
function atRefError(err: InputError, ref: string): InputError {
  const problems: Problem[] = err.problems.map((p) => (p.file ? { ...p, file: `${ref}:${p.file}` } : { ...p, message: `at git ref ${ref}: ${p.message}` }));
  return new InputError(problems, err.headline);
}
