/**
 * Local edits that collide with a promotion: a pin that someone changed in the working copy of
 * the target overlay (against the last commit) and that the promotion would overwrite with a
 * different value. Promoting over it would silently drop their edit, so promote refuses.
 */
import { execFileSync } from "node:child_process";
import { parse } from "yaml";
import { formatPath } from "../util/errors";
import { getAt } from "../util/plain";
import type { PinChange } from "./pins";

export interface LocalConflict {
  readonly path: string;
  /** The value in the last commit. */
  readonly committed: unknown;
  /** The value in the working copy. */
  readonly local: unknown;
  /** What the promotion would write. */
  readonly promoted: unknown;
}

/** The file's content at HEAD, or undefined when it is not tracked (or not in a git repository). */
export function committedContent(repoDir: string, fileRelToRepo: string): string | undefined {
  try {
    return execFileSync("git", ["-C", repoDir, "show", `HEAD:./${fileRelToRepo}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}

export function findLocalConflicts(committedText: string | undefined, workingText: string, changes: readonly PinChange[]): LocalConflict[] {
  if (committedText === undefined || committedText === workingText) return [];
  const committed = parse(committedText) ?? {};
  const working = parse(workingText) ?? {};
  const out: LocalConflict[] = [];
  for (const c of changes) {
    const before = getAt(committed, c.path);
    const now = getAt(working, c.path);
    if (!sameValue(before, now) && !sameValue(now, c.to)) {
      out.push({ path: formatPath(c.path), committed: before, local: now, promoted: c.to });
    }
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
