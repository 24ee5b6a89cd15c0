/** Temporary projects for tests: written from a file map, or copied from the example platform. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** Write `files` (relative path → content) into a fresh temporary directory. */
export function tempProject(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-test-"));
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

/**
 * A copy of the example platform's project files (Pulumi.yaml, stacks/, overlays/). Its
 * Pulumi.yaml `main` points at this repository's compiled program, so the copy renders.
 */
export function copyExampleProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-example-"));
  for (const entry of ["Pulumi.yaml", "stacks", "overlays"]) {
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true });
  }
  const projectFile = path.join(root, "Pulumi.yaml");
  const program = path.join(REPO_ROOT, "dist", "stacks", "index.js");
  fs.writeFileSync(projectFile, fs.readFileSync(projectFile, "utf8").replace(/^main: .*$/m, `main: ${program}`));
  return root;
}

/** Every file under `dir` with its content, for "nothing changed" assertions. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else out[path.relative(dir, abs)] = fs.readFileSync(abs, "utf8");
    }
  };
  walk(dir);
  return out;
}
