/**
 * `diff --from <ref>:<env>`: the env rendered from a temporary git worktree of the ref, with
 * TypeScript compiled there, and the worktree always removed.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, copyFixture, editFile } from "../plan/helpers";

let root: string;
const git = (...args: string[]) => execFileSync("git", ["-C", root, "-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { encoding: "utf8" });
const worktrees = () => git("worktree", "list").trim().split("\n").length;

/** The fixture's program as TypeScript, compiled to dist/ as the example platform is. */
function makeTypeScriptProject(): void {
  const js = fs.readFileSync(path.join(root, "program", "index.js"), "utf8");
  fs.writeFileSync(path.join(root, "program", "index.ts"), `// @ts-nocheck\n${js}`);
  fs.rmSync(path.join(root, "program", "index.js"));
  fs.writeFileSync(path.join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "commonjs", target: "ES2022", outDir: "dist", rootDir: "." }, include: ["program/**/*.ts"] }));
  editFile(root, "Pulumi.yaml", (t) => t.replace("main: program/index.js", "main: dist/program/index.js"));
  fs.writeFileSync(path.join(root, ".gitignore"), "node_modules\ndist/\nrendered/\n");
}

beforeAll(() => {
  root = copyFixture();
  makeTypeScriptProject();
  git("init", "--quiet", "--initial-branch=main");
  git("add", "-A");
  git("commit", "--quiet", "-m", "main");
  editFile(root, "stacks/Pulumi.prod.yaml", (t) => t.replace('imageTag: "1.3.2"', 'imageTag: "1.4.0"'));
  git("commit", "--quiet", "-am", "bump web");
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("diff against a git ref", () => {
  it("renders both refs from temporary worktrees (TypeScript compiled) and removes them", async () => {
    const r = await cli(["diff", "--from", "main~1:prod", "--to", "main:prod", "--format", "json"], root);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const steps = JSON.parse(r.stdout).steps.filter((s: { op: string }) => s.op !== "same");
    expect(steps.map((s: { op: string; urn: string }) => `${s.op} ${s.urn.split("::").at(-1)}`)).toEqual(["update web-deploy"]);
    expect(worktrees()).toBe(1);
    expect(fs.existsSync(path.join(root, "dist"))).toBe(false);
  });

  it("--exit-code: exit 1 when there are changes, 0 when there are none", async () => {
    expect((await cli(["diff", "--from", "main~1:prod", "--to", "main:prod", "--exit-code"], root)).code).toBe(1);
    expect((await cli(["diff", "--from", "main:dev", "--to", "main~1:dev", "--exit-code"], root)).code).toBe(0);
  });

  it("names an unknown ref, and an env unknown at the ref, in one message (exit 2)", async () => {
    const unknownRef = await cli(["diff", "--from", "nope:prod", "--to", "main:prod"], root);
    expect(unknownRef.code).toBe(2);
    expect(unknownRef.stderr).toBe(`stackplan: unknown git ref "nope": no such branch, tag or commit in ${fs.realpathSync(root)}\n`);
    const unknownEnv = await cli(["diff", "--from", "main:qa", "--to", "main:prod"], root);
    expect(unknownEnv.code).toBe(2);
    expect(unknownEnv.stderr).toBe('stackplan: main:stacks/Pulumi.qa.yaml: unknown env "qa": no stack file; known envs: dev, prod, staging\n');
    expect(worktrees()).toBe(1);
  });
});
