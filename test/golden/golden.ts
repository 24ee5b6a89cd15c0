/**
 * Golden directories: expected outputs kept in the repository, compared byte for byte and
 * rewritten only with UPDATE_GOLDEN=1 (then review the change with `git diff test/golden`).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "vitest";
import { snapshotTree } from "../helpers/temp-project";

export const GOLDEN_ROOT = __dirname;
export const UPDATE = Boolean(process.env.UPDATE_GOLDEN);

/** `files` (relative path → content) must equal the golden directory `dir` exactly. */
export function expectGoldenTree(dir: string, files: Record<string, string>): void {
  if (UPDATE) {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    }
  }
  expect(fs.existsSync(dir), `missing golden ${path.relative(GOLDEN_ROOT, dir)}: run UPDATE_GOLDEN=1 npx vitest run`).toBe(true);
  const golden = snapshotTree(dir);
  expect(Object.keys(files).sort()).toEqual(Object.keys(golden).sort());
  for (const [rel, content] of Object.entries(files)) expect(content, `${path.relative(GOLDEN_ROOT, dir)}/${rel}`).toBe(golden[rel]);
}

export function expectGoldenFile(file: string, content: string): void {
  if (UPDATE) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  expect(fs.existsSync(file), `missing golden ${path.relative(GOLDEN_ROOT, file)}: run UPDATE_GOLDEN=1 npx vitest run`).toBe(true);
  expect(content, path.relative(GOLDEN_ROOT, file)).toBe(fs.readFileSync(file, "utf8"));
}
