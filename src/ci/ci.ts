/**
 * `stackplan ci`, the one-shot for pull requests: render every env at the head (the working
 * tree) and at the merge base with the base branch, diff each env base → head, run the policies
 * on the head, price the CloudWatch change, and write the PR comment (stackplan-report.md),
 * SARIF for code scanning (stackplan.sarif) and JUnit (junit.xml).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { checkPlan } from "../check/evaluate";
import { summarize, type CheckResult } from "../check/types";
import { costDelta, type CostDelta } from "../cost/index";
import { diffPlans } from "../diff/engine";
import type { PlanDiff } from "../diff/types";
import { resolveGitRef, withProjectAtRef } from "../plan/git-ref";
import { renderEnvs, type RenderOptions } from "../plan/render";
import { PLAN_FORMAT_VERSION, type Plan } from "../plan/types";
import type { Project } from "../project/project";
import { listStacks } from "../project/stack-config";
import { InputError } from "../util/errors";

export interface CiOptions {
  /** The base branch or ref the PR merges into, e.g. origin/main. */
  readonly base: string;
  readonly today: string;
  readonly render?: RenderOptions;
}

export interface CiEnv {
  readonly env: string;
  /** The env's plan at the merge base; undefined when the env is new in this change. */
  readonly before?: Plan;
  /** The env's plan at the head; undefined when this change removes the env. */
  readonly after?: Plan;
  readonly diff: PlanDiff;
  readonly check?: CheckResult;
  readonly cost?: CostDelta;
}

export interface CiResult {
  readonly base: string;
  readonly mergeBase: string;
  readonly envs: readonly CiEnv[];
}

export async function runCi(project: Project, opts: CiOptions): Promise<CiResult> {
  const { top, commit: baseCommit } = resolveGitRef(project, opts.base);
  const mergeBase = gitMergeBase(top, baseCommit, opts.base);
  const headEnvs = listStacks(project).map((s) => s.facts.name);
  const [head, base] = await Promise.all([
    renderEnvs(project, headEnvs, opts.render),
    projectExistsAt(top, mergeBase, path.relative(top, project.root))
      ? withProjectAtRef(project, mergeBase, async (atBase) => renderEnvs(atBase, listStacks(atBase).map((s) => s.facts.name), opts.render))
      : Promise.resolve([]),
  ]);
  const before = new Map(base.map((r) => [r.env, r.plan]));
  const after = new Map(head.map((r) => [r.env, r.plan]));
  const names = [...headEnvs, ...base.map((r) => r.env).filter((e) => !after.has(e))];
  const envs = names.map((env): CiEnv => {
    const b = before.get(env);
    const a = after.get(env);
    const diff = diffPlans(b ?? emptyPlan(a!), a ?? emptyPlan(b!), { normalizeEnv: false, fromLabel: `${shortRef(opts.base)}:${env}`, toLabel: env });
    return {
      env,
      ...(b ? { before: b } : {}),
      ...(a ? { after: a, check: checkPlan(a, { today: opts.today }) } : {}),
      ...(a && b ? { cost: costDelta(b, a) } : {}),
      diff,
    };
  });
  return { base: opts.base, mergeBase, envs };
}

export function mandatoryViolations(result: CiResult): { env: string; count: number }[] {
  return result.envs.filter((e) => e.check).map((e) => ({ env: e.env, count: summarize(e.check!).mandatory })).filter((x) => x.count > 0);
}

/** A plan with no resources: the other side of a diff for an env that one side does not have. */
function emptyPlan(like: Plan): Plan {
  return { formatVersion: PLAN_FORMAT_VERSION, project: like.project, stack: like.stack, env: like.env, policy: like.policy, resources: [], outputs: {} };
}

function gitMergeBase(top: string, baseCommit: string, baseRef: string): string {
  try {
    return execFileSync("git", ["-C", top, "merge-base", "HEAD", baseCommit], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch {
    throw new InputError({ message: `HEAD and ${JSON.stringify(baseRef)} have no common ancestor; fetch the base branch with its history (actions/checkout fetch-depth: 0)` });
  }
}

function projectExistsAt(top: string, commit: string, projectDir: string): boolean {
  const file = [projectDir, "Pulumi.yaml"].filter(Boolean).join("/").split(path.sep).join("/");
  try {
    execFileSync("git", ["-C", top, "cat-file", "-e", `${commit}:${file}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function shortRef(ref: string): string {
  return ref.replace(/^refs\/(heads|remotes)\//, "");
}
