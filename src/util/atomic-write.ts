/**
 * Atomic outputs: a command either replaces its output completely or leaves the previous one
 * untouched. Files are written to a temporary sibling and renamed; directories are built in a
 * temporary sibling and swapped in with two renames. A crash between the two renames leaves
 * the previous directory at `<dir>.stackplan-old`, which the next write restores first.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "./errors";

const OLD_SUFFIX = ".stackplan-old";

/** Write one file atomically (temp file in the same directory, then rename). */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = path.dirname(file);
  ensureDirectory(dir);
  if (isDirectory(file)) throw new InputError({ file, message: "is a directory; expected a file to write" });
  const tmp = path.join(dir, `.stackplan-tmp-${path.basename(file)}-${process.pid}-${uniq()}`);
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw writeError(err, file);
  }
}

/** A file system refusal (permissions, a full disk) is the user's to fix: exit 2, not a crash. */
function writeError(err: unknown, file: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.code !== "string" || !e.code.startsWith("E")) return err;
  return new InputError({ file, message: `cannot write: ${e.code === "EACCES" || e.code === "EPERM" ? "permission denied" : e.code === "ENOSPC" ? "no space left on the device" : e.message}` });
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Replace directory `dir` with exactly `files` (relative path → content). Nothing under `dir`
 * changes unless every file was written.
 */
export function writeDirAtomic(dir: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const tmp = stagingDirFor(dir);
  try {
    for (const [rel, content] of files) {
      const target = path.join(tmp, rel);
      if (!target.startsWith(tmp + path.sep)) throw new Error(`refusing to write outside the output directory: ${rel}`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
    fs.mkdirSync(tmp, { recursive: true });
    commitStagedDir(tmp, dir);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * The path of a fresh temporary sibling of `dir` (not created) in which to build its next
 * content, for writers that fill it themselves (another process, several steps). Checks that
 * `dir` can be an output directory first. Hand the result to commitStagedDir or remove it.
 */
export function stagingDirFor(dir: string): string {
  const parent = path.dirname(dir);
  ensureDirectory(parent);
  recoverInterruptedSwap(dir);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
    throw new InputError({ file: dir, message: "output path exists and is not a directory" });
  }
  return path.join(parent, `.stackplan-tmp-${path.basename(dir)}-${process.pid}-${uniq()}`);
}

/** Replace `dir` with the staged directory (two renames; see recoverInterruptedSwap). */
export function commitStagedDir(staged: string, dir: string): void {
  const old = swapStagedDir(staged, dir);
  if (old) fs.rmSync(old, { recursive: true, force: true });
}

/**
 * `commitStagedDir` without the last step: the previous content is left at the returned path
 * (`<dir>.stackplan-old`, or undefined when there was none) for the caller to remove — with
 * `fs.promises.rm`, say, whose unlinks run on the I/O threads (thousands of files take a second
 * one by one). If the removal never happens, the next write to `dir` does it.
 */
export function swapStagedDir(staged: string, dir: string): string | undefined {
  recoverInterruptedSwap(dir);
  const old = dir + OLD_SUFFIX;
  const hadPrevious = fs.existsSync(dir);
  if (hadPrevious) fs.renameSync(dir, old);
  fs.renameSync(staged, dir);
  return hadPrevious ? old : undefined;
}

/** If a previous swap died between its two renames, put the previous output back. */
export function recoverInterruptedSwap(dir: string): void {
  const old = dir + OLD_SUFFIX;
  if (!fs.existsSync(old)) return;
  if (fs.existsSync(dir)) fs.rmSync(old, { recursive: true, force: true });
  else fs.renameSync(old, dir);
}

/**
 * Create `dir` (and parents); a path that exists as a file is an input error, not a crash.
 * Returns the directories it created, outermost first (to remove them again on failure).
 */
export function ensureDirectory(dir: string): string[] {
  let probe = path.resolve(dir);
  // Find the deepest existing ancestor to give a precise message.
  while (!fs.existsSync(probe)) {
    const up = path.dirname(probe);
    if (up === probe) break;
    probe = up;
  }
  if (fs.existsSync(probe) && !fs.statSync(probe).isDirectory()) {
    throw new InputError({ file: probe, message: "exists and is not a directory; expected an output directory" });
  }
  // One level at a time: Node's recursive mkdir never returns for a path under /proc.
  const missing: string[] = [];
  for (let d = path.resolve(dir); d !== probe && d !== path.dirname(d); d = path.dirname(d)) missing.unshift(d);
  for (const d of missing) {
    try {
      fs.mkdirSync(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "EEXIST" && isDirectory(d)) continue;
      throw new InputError({ file: d, message: `cannot create the directory: ${(err as Error).message.replace(/^[A-Z]+: /, "").replace(/, mkdir .*$/, "")}` });
    }
  }
  return missing;
}

/** Remove temporaries a killed process left next to `dir`. */
export function cleanStaleTemporaries(parent: string): void {
  if (!fs.existsSync(parent)) return;
  for (const name of fs.readdirSync(parent)) {
    if (!name.startsWith(".stackplan-tmp-")) continue;
    const pid = Number(name.split("-").at(-2));
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
    fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let counter = 0;
function uniq(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
}
