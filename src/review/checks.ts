/**
 * The policy step of `stackplan review`: the one call site where the policy engine (src/check,
 * built separately) meets the rendered envs. Until that module is part of the build, review
 * says so instead of pretending the checks passed.
 *
 * Contract for src/check: export `checkForReview(rendered: RenderedEnv[]): Promise<ReviewChecks>`
 * (or a synchronous equivalent); `lines` are printed under "Policy checks:", `failed` makes
 * review exit 1.
 */
import * as path from "node:path";
import type { RenderedEnv } from "../plan/render";

export interface ReviewChecks {
  /** What to print (a summary per env, the violations that matter). */
  readonly lines: readonly string[];
  /** A mandatory violation: review exits 1. */
  readonly failed: boolean;
}

type CheckModule = { checkForReview?: (rendered: readonly RenderedEnv[]) => ReviewChecks | Promise<ReviewChecks> };

const CHECK_MODULE = path.join(__dirname, "..", "check");

export async function reviewChecks(rendered: readonly RenderedEnv[], load: () => unknown = () => require(CHECK_MODULE)): Promise<ReviewChecks> {
  let mod: CheckModule;
  try {
    mod = load() as CheckModule;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === "MODULE_NOT_FOUND" && String(e.message).includes(CHECK_MODULE)) {
      return { lines: ["policy checks: not wired (the check module, src/check, is not part of this build)"], failed: false };
    }
    throw err;
  }
  // Present but not following the contract: a wiring bug, never a silent "not wired".
  if (typeof mod.checkForReview !== "function") throw new Error("src/check is present but does not export checkForReview(rendered)");
  return await mod.checkForReview(rendered);
}
