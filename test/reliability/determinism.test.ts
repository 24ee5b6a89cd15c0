/**
 * Determinism (issue 9): the example platform rendered twice — from two copies of the project at
 * different paths, from different working directories, with a different TZ and locale
 * (LANG/LC_ALL), with the environment's keys in another order, and env by env instead of
 * `--all` — gives the same bytes: plan.json, every manifest, kustomization.yaml.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshot } from "../bad-inputs/corpus";
import { copyExampleProject } from "../helpers/temp-project";
import { run } from "./spawn";

let a: string;
let b: string;
let elsewhere: string;

/** process.env with the given overrides, its keys in reverse order of process.env's. */
function shuffledEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const merged = { ...process.env, ...overrides };
  const env: NodeJS.ProcessEnv = {};
  for (const k of Object.keys(merged).reverse()) env[k] = merged[k];
  return env;
}

beforeAll(() => {
  a = copyExampleProject();
  b = copyExampleProject();
  elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-cwd-"));
});
afterAll(() => {
  for (const d of [a, b, elsewhere]) fs.rmSync(d, { recursive: true, force: true });
});

describe("deterministic renders", () => {
  it("gives the same bytes whatever the directory, TZ, locale, env order and env-by-env vs --all", async () => {
    const first = await run(["render", "--all"], { cwd: a, env: { ...process.env, TZ: "UTC", LANG: "C", LC_ALL: "C" } });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const env = shuffledEnv({ TZ: "Pacific/Chatham", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8", LC_COLLATE: "de_DE.UTF-8" });
    const out = path.join(elsewhere, "out");
    for (const e of ["prod", "dev", "staging"]) {
      const r = await run(["render", "--env", e, "--root", b, "--out", out], { cwd: elsewhere, env });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    }
    const want = snapshot(path.join(a, "rendered"));
    const got = snapshot(out);
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    expect(Object.keys(want).filter((f) => f.endsWith("plan.json"))).toHaveLength(3);
    expect(Object.keys(want).filter((f) => f.endsWith("kustomization.yaml"))).toHaveLength(3);
    for (const f of Object.keys(want)) expect(got[f], f).toBe(want[f]);
    // No path of either project or working directory leaks into the output.
    for (const text of Object.values(got)) for (const dir of [a, b, elsewhere]) expect(text).not.toContain(dir);
  });
});
