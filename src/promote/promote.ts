/**
 * `stackplan promote --from staging --to prod`: copy the promotable pins (image tags and
 * digests, add-on versions, the Kubernetes version) from the source env's effective values into
 * the target env's overlay file — a surgical edit that keeps its comments and layout — behind
 * gates: the target must be the next env in the promotion order, the source must pass its
 * mandatory policies, the target must still pass them after the promotion, and no local edit of
 * the same pin may be overwritten. Nothing is written unless every gate passes.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { diffPlans } from "../diff/engine";
import type { PlanDiff } from "../diff/types";
import { checkPlan } from "../check/evaluate";
import { summarize, type CheckResult } from "../check/types";
import { renderEnv, renderEnvs } from "../plan/render";
import { rel, type Project } from "../project/project";
import { listStacks, type EnvFacts } from "../project/stack-config";
import { writeFileAtomic } from "../util/atomic-write";
import { InputError, quote } from "../util/errors";
import { getAt } from "../util/plain";
import { valuesFile } from "../values/layers";
import { loadEnvironment } from "../values/load";
import { committedContent, findLocalConflicts } from "./conflicts";
import { planPromotion, type PinChange } from "./pins";
import { withScratchProject } from "./scratch-project";
import { applyYamlEdits } from "./yaml-edit";

export interface PromoteOptions {
  readonly from: string;
  readonly to: string;
  /** Allow a target that is not the next env in the promotion order. */
  readonly force?: boolean;
  /** Render, check and diff, but write nothing. */
  readonly dryRun?: boolean;
  /** Waiver expiry is judged on this day (YYYY-MM-DD). */
  readonly today: string;
  readonly timeoutMs?: number;
}

export interface PromoteResult {
  readonly from: EnvFacts;
  readonly to: EnvFacts;
  /** The target overlay file, relative to the project root. */
  readonly file: string;
  readonly changes: readonly PinChange[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  readonly sourceCheck?: CheckResult;
  /** The target after the promotion. */
  readonly targetCheck?: CheckResult;
  /** The target as it is → as it would be. */
  readonly diff?: PlanDiff;
  /** Why nothing was written, when a gate refused. */
  readonly refused?: string;
  readonly written: boolean;
}

export async function promote(project: Project, opts: PromoteOptions): Promise<PromoteResult> {
  if (opts.from === opts.to) throw new InputError({ message: `--from and --to are both ${JSON.stringify(opts.from)}; promote from one env to another` });
  const source = loadEnvironment(project, opts.from);
  const target = loadEnvironment(project, opts.to);
  checkOrder(project, source.facts, target.facts, opts.force ?? false);

  const abs = valuesFile(project, target.facts.overlay);
  const file = rel(project, abs);
  const { changes, skipped } = planPromotion(target.spec.promotion.promotable, source.values, target.values);
  const base = { from: source.facts, to: target.facts, file, changes, skipped };
  if (changes.length === 0) return { ...base, written: false };

  const before = fs.existsSync(abs) ? fs.readFileSync(abs, "utf8") : "";
  refuseLocalConflicts(project, abs, before, changes);
  const after = applyYamlEdits(before, changes.map((c) => ({ path: c.path, value: c.to })));

  const render = { ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) };
  const [current, promoted] = await Promise.all([
    renderEnvs(project, [source.facts.name, target.facts.name], render),
    withScratchProject(project, new Map([[abs, after]]), async (scratch) => {
      assertPinsLanded(scratch, target.facts.name, changes, file);
      return (await renderEnv(scratch, target.facts.name, render)).plan;
    }),
  ]);
  const [sourcePlan, targetPlan] = [current[0]!.plan, current[1]!.plan];
  const sourceCheck = checkPlan(sourcePlan, { today: opts.today });
  const targetCheck = checkPlan(promoted, { today: opts.today });
  const diff = diffPlans(targetPlan, promoted, { normalizeEnv: false, fromLabel: target.facts.name, toLabel: `${target.facts.name} (promoted)` });
  const result = { ...base, sourceCheck, targetCheck, diff };

  const srcFailures = summarize(sourceCheck).mandatory;
  if (srcFailures > 0) {
    return { ...result, written: false, refused: `${source.facts.name} has ${srcFailures} mandatory policy violation${srcFailures === 1 ? "" : "s"} (stackplan check --env ${source.facts.name}); fix them before promoting from it` };
  }
  const dstFailures = summarize(targetCheck).mandatory;
  if (dstFailures > 0) {
    return { ...result, written: false, refused: `after the promotion ${target.facts.name} would have ${dstFailures} mandatory policy violation${dstFailures === 1 ? "" : "s"}` };
  }
  if (opts.dryRun) return { ...result, written: false };
  const now = fs.existsSync(abs) ? fs.readFileSync(abs, "utf8") : "";
  if (now !== before) throw new InputError({ file, message: "changed while promoting; run promote again" });
  writeFileAtomic(abs, after);
  return { ...result, written: true };
}

/** The target must be the env right after the source in the promotion order (unless forced). */
function checkOrder(project: Project, from: EnvFacts, to: EnvFacts, force: boolean): void {
  const order = listStacks(project).map((s) => s.facts.name);
  const next = order[order.indexOf(from.name) + 1];
  if (next === to.name || force) return;
  const chain = order.join(" → ");
  const why = to.order < from.order ? `${to.name} comes before ${from.name}` : next === undefined ? `${from.name} is the last env` : `the next env after ${from.name} is ${next}`;
  throw new InputError({ message: `cannot promote ${from.name} → ${to.name}: ${why} in the promotion order (${chain}); promote one step at a time, or pass --force` });
}

/** A pin edited in the working copy (against HEAD) to another value than the promoted one. */
function refuseLocalConflicts(project: Project, abs: string, working: string, changes: readonly PinChange[]): void {
  const top = gitTopLevel(project.root);
  if (!top) return;
  const conflicts = findLocalConflicts(committedContent(top, path.relative(top, abs).split(path.sep).join("/")), working, changes);
  if (conflicts.length === 0) return;
  throw new InputError(
    conflicts.map((c) => ({
      file: rel(project, abs),
      path: c.path,
      message: `edited locally (${quote(c.committed)} in the last commit, ${quote(c.local)} now); the promotion would set ${quote(c.promoted)}. Commit or revert the local edit first`,
    })),
    conflicts.length > 1 ? `${conflicts.length} pins have conflicting local edits:` : undefined,
  );
}

/** After the edit, the target's effective value at every pin must be the source's. */
function assertPinsLanded(scratch: Project, env: string, changes: readonly PinChange[], file: string): void {
  const values = loadEnvironment(scratch, env).values;
  for (const c of changes) {
    const got = getAt(values, c.path);
    if ((got ?? null) !== c.to) {
      throw new InputError({ file, path: c.path.join("."), message: `the edit did not take effect (the value is ${quote(got)}); is it set by a template or a later layer?` });
    }
  }
}

function gitTopLevel(dir: string): string | undefined {
  try {
    return execFileSync("git", ["-C", dir, "rev-parse", "--show-toplevel"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}
