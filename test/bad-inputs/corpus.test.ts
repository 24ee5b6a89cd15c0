/**
 * The bad-input corpus (issue 9): every case under cases/ runs the CLI on a broken input and
 * must end with its exit code (2, or 1 for a policy failure) and ONE message naming the file and
 * the path in it — no stack trace, no "internal error" — and leave the project, including a
 * previous render in rendered/, exactly as it was. README.md says how to add a case;
 * UPDATE_BAD_INPUTS=1 writes expected-stderr from what the CLI prints.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";
import { REPO_ROOT } from "../helpers/temp-project";
import { buildProject, expand, loadCases, shellWords, snapshot, type Case } from "./corpus";

const cases = loadCases();
const UPDATE = Boolean(process.env.UPDATE_BAD_INPUTS);

/** Where a message may point: a file, a CLI flag or argument, a git ref. */
const NAMES_A_PLACE = /(\S+\.(ya?ml|json)\b|Pulumi\.yaml|\bstacks\b|--[a-z][a-z-]*|<[a-z-]+>|git ref|\/|unknown command)/;

/**
 * For update mode: `overlays/base/values.yaml:304:` becomes `…:{{line:overlays/base/values.yaml:nodeGroup: batches}}:`
 * when the file is one of the example platform's, so the case survives edits of the example.
 */
function withLinePlaceholders(stderr: string, root: string): string {
  return stderr.replace(/((?:[\w.-]+\/)*[\w.-]+\.ya?ml):(\d+)(?=:)/g, (whole, file: string, n: string) => {
    if (!fs.existsSync(path.join(REPO_ROOT, file)) || !fs.existsSync(path.join(root, file))) return whole;
    const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n");
    const needle = (lines[Number(n) - 1] ?? "").trim().split(/\}|\{\{/)[0]!.trimEnd();
    if (needle.length < 4 || lines.findIndex((l) => l.includes(needle)) !== Number(n) - 1) return whole;
    return `${file}:{{line:${file}:${needle}}}`;
  });
}

async function runCase(c: Case) {
  const root = buildProject(c);
  try {
    const before = snapshot(root);
    const res = await runCli(shellWords(expand(c.cmd, root)), { cwd: path.join(root, c.cwd) });
    return { root, res, before, after: snapshot(root), expected: c.expectedStderr === undefined || UPDATE ? undefined : expand(c.expectedStderr, root) };
  } catch (err) {
    fs.rmSync(root, { recursive: true, force: true });
    throw err;
  }
}

describe("bad-input corpus", () => {
  it("has at least 40 cases, each with its expected message", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    if (!UPDATE) expect(cases.filter((c) => c.expectedStderr === undefined).map((c) => c.name)).toEqual([]);
  });

  it.concurrent.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { root, res, before, after, expected } = await runCase(c);
    try {
      if (UPDATE) {
        fs.writeFileSync(path.join(c.dir, "expected-stderr"), withLinePlaceholders(res.stderr.split(root).join("{{root}}"), root));
        return;
      }
      expect(res.stderr).toBe(expected!.trimEnd() + "\n");
      expect(res.code, res.stderr).toBe(c.exitCode);
      // One message: one "stackplan:" line; further lines (a list of problems) are indented.
      const lines = res.stderr.trimEnd().split("\n");
      expect(lines[0]).toMatch(/^stackplan: /);
      expect(lines.slice(1).filter((l) => !/^\s/.test(l))).toEqual([]);
      expect(res.stderr).not.toMatch(/\n\s+at /);
      expect(res.stderr).not.toContain("internal error");
      if (c.exitCode === 2) expect(res.stderr).toMatch(NAMES_A_PLACE);
      for (const line of c.stdoutContains) expect(res.stdout).toContain(line);
      // Nothing written: not the previous render, not a temporary, not a new directory.
      expect(after).toEqual(before);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
