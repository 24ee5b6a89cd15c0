/**
 * `stackplan ci` on a branch of a copy of the example platform: it renders every env at the
 * head and at the merge base with main, diffs them, checks the head and writes the PR comment,
 * SARIF and JUnit; mandatory violations exit 1 after the reports are written.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../helpers/cli";
import { exampleRepo, git } from "../helpers/git-project";

describe("stackplan ci", () => {
  let root: string;
  let res: CliResult;
  const out = () => path.join(root, "out");
  const read = (f: string) => fs.readFileSync(path.join(out(), f), "utf8");

  beforeAll(async () => {
    root = exampleRepo();
    git(root, "checkout", "--quiet", "-b", "feature");
    const prod = path.join(root, "overlays/prod/values.yaml");
    // A real-looking change: a new checkout release in prod, and a latest tag that policy rejects.
    fs.writeFileSync(prod, fs.readFileSync(prod, "utf8").replace("  checkout: { replicas: 3 }", '  checkout: { replicas: 3, image: { tag: "5.0.8" } }').replace("  search: { replicas: 3,", "  search: { image: { tag: latest }, replicas: 3,"));
    git(root, "commit", "--quiet", "-am", "prod: checkout 5.0.8");
    res = await runCli(["ci", "--base", "main", "--out", "out", "--today", "2026-11-21"], { cwd: root });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("exits 1 on the mandatory violation, after writing all four reports", () => {
    expect(res.code).toBe(1);
    expect(res.stderr).toBe("stackplan: mandatory policy violations: 1 in prod\n");
    expect(fs.readdirSync(out()).sort()).toEqual(["junit.xml", "stackplan-report.html", "stackplan-report.md", "stackplan.sarif"]);
  });

  it("writes the HTML report: every env's map, prod's change with the finding linked from the map", () => {
    const html = read("stackplan-report.html");
    expect(html).toContain("compared with main (merge base");
    for (const env of ["dev", "staging", "prod"]) expect(html).toContain(`<section id="${env}" class="env"`);
    expect(html).toContain('data-op="update" data-type="kubernetes:apps/v1:Deployment"');
    expect(html).toMatch(/<a href="#prod-wl-deployment-shop-search-findings" class="badge"/);
  });

  it("summarizes each env: only prod changed", () => {
    expect(res.stdout).toMatch(/^ {2}dev +0 changes \(173 unchanged\)/m);
    expect(res.stdout).toMatch(/^ {2}prod +\d+ changes \(~\d+ update, \d+ unchanged\) {2}policies: FAIL 1 mandatory/m);
  });

  it("writes a PR comment with the summary table, the diff and the findings", () => {
    const md = read("stackplan-report.md");
    expect(md.split("\n")[0]).toMatch(/^## stackplan: \d+ changes across 3 envs — :x: mandatory policy violations in `prod`$/);
    expect(md).toContain("| `dev` | 0 | 0 | 0 | 0 | :white_check_mark: 0 mandatory · 10 advisory | +$0.00 |");
    expect(md).toContain("### stackplan diff: `main:prod` → `prod`");
    expect(md).toContain("shop/checkout:5.0.7");
    expect(md).toContain("shop/checkout:5.0.8");
    expect(md).toMatch(/`HA-008`[^|]*\| `Deployment\/shop\/search`/);
  });

  it("writes SARIF and JUnit for the head's findings", () => {
    const sarif = JSON.parse(read("stackplan.sarif"));
    const results = sarif.runs.flatMap((r: { results: { ruleId: string; level: string }[] }) => r.results);
    expect(results).toContainEqual(expect.objectContaining({ ruleId: "HA-008", level: "error" }));
    expect(read("junit.xml")).toMatch(/<testsuites[^>]*failures="\d+"/);
  });

  it("refuses an unknown base ref before rendering anything", async () => {
    const bad = await runCli(["ci", "--base", "no-such-branch", "--out", "out2"], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown git ref "no-such-branch"/);
    expect(fs.existsSync(path.join(root, "out2"))).toBe(false);
  });
});
