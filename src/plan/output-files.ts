/**
 * Writing an env's output files into its staging directory (see render.ts for the swap).
 *
 * A file whose bytes are those of the same file in the env's current output is hard-linked from
 * there instead of written. Most files are unchanged from one render to the next, and creating
 * thousands of inodes is what a render's writing costs: on ext4, files deleted in the last minutes
 * (the previous render's outputs, removed after each swap) make every new inode's allocation scan
 * past them — at 3,000 files per env that was seconds of kernel time per render, more than the
 * writing itself. A link allocates nothing, and removing the old directory then frees nothing.
 * Unchanged files also keep their modification time, which file watchers and `rsync` notice.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** A file to write: its path relative to the env directory, and its content (made on demand). */
export type OutputFile = readonly [rel: string, content: () => string];

export interface WriteStats {
  readonly written: number;
  /** Files hard-linked from the previous output (their bytes were unchanged). */
  readonly linked: number;
}

/** Files in flight at once: creating files, not their bytes, costs; the I/O threads overlap it. */
const IN_FLIGHT = 16;

/**
 * Write `files` into `dir` (created), reusing unchanged files of `previous` (the env's current
 * output directory, if any) as hard links.
 */
export async function writeOutputFiles(dir: string, files: readonly OutputFile[], previous?: string): Promise<WriteStats> {
  for (const d of new Set(files.map(([rel]) => path.dirname(path.join(dir, rel))))) fs.mkdirSync(d, { recursive: true });
  let next = 0;
  let linked = 0;
  const writer = async () => {
    while (next < files.length) {
      const [rel, content] = files[next++]!;
      const text = content();
      const target = path.join(dir, rel);
      if (previous !== undefined && linkIfUnchanged(path.join(previous, rel), target, text)) linked++;
      // "wx": a fresh file, never through a link to the previous output.
      else await fs.promises.writeFile(target, text, { flag: "wx" });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, writer));
  return { written: files.length - linked, linked };
}

/**
 * Hard-link `target` to `source` when `source` is a regular file holding exactly `text`. False
 * (and nothing at `target`) whenever that cannot be made sure: no such file, a symbolic link,
 * other bytes, a file system without hard links — or `source` replaced between the comparison
 * and the link (another render swapping the directory), caught by comparing the inodes.
 */
export function linkIfUnchanged(source: string, target: string, text: string): boolean {
  const ino = inodeIfSame(source, text);
  if (ino === undefined) return false;
  try {
    fs.linkSync(source, target);
  } catch {
    return false;
  }
  try {
    if (fs.lstatSync(target).ino === ino) return true;
  } catch {
    // Cannot tell: treat it as replaced.
  }
  fs.rmSync(target, { force: true });
  return false;
}

/** The inode of `file` if it is a regular file (not a link to one) holding exactly `text`. */
function inodeIfSame(file: string, text: string): number | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size !== Buffer.byteLength(text)) return undefined;
    return fs.readFileSync(fd, "utf8") === text ? st.ino : undefined;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}
