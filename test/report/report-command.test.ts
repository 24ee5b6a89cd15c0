/**
 * `stackplan report` on a copy of the example platform, compared with a rendered directory
 * whose prod plan had other instance types for the general node group: the file is written,
 * the same input gives the same bytes, and --all with a directory lacking an env says which file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../helpers/cli";
import { copyExampleProject } from "../helpers/temp-project";

describe("stackplan report", () => {
  let root: string;
  let first: CliResult;
  const html = () => fs.readFileSync(path.join(root, "out/report.html"), "utf8");

  beforeAll(async () => {
    root = copyExampleProject();
    const rendered = await runCli(["render", "--env", "prod", "--out", "base"], { cwd: root });
    expect(rendered.code, rendered.stderr).toBe(0);
    const file = path.join(root, "base/prod/plan.json");
    const plan = JSON.parse(fs.readFileSync(file, "utf8")) as { resources: { type: string; inputs: Record<string, unknown> }[] };
    for (const r of plan.resources) if (r.type === "aws:eks/nodeGroup:NodeGroup" && r.inputs["nodeGroupName"] === "general") r.inputs["instanceTypes"] = ["m5.large"];
    fs.writeFileSync(file, JSON.stringify(plan));
    first = await runCli(["report", "--env", "prod", "--against", "base", "--out", "out/report.html", "--today", "2026-11-21"], { cwd: root });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("writes the report and says what it drew", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe("prod: 3 AZs, 2 node groups, 1 changed resource, 0 mandatory and 0 advisory findings\nWrote out/report.html\n");
    expect(html()).toContain("Change from base/prod to prod");
    expect(html()).toMatch(/<g id="prod-ng-shop-ng-general-group" class="el el-node-group mark-replace" data-kind="node-group"/);
  });

  it("writes the same bytes for the same input, over the report it wrote", async () => {
    const before = html();
    const again = await runCli(["report", "--env", "prod", "--against", "base", "--out", "out/report.html", "--today", "2026-11-21"], { cwd: root });
    expect(again.code, again.stderr).toBe(0);
    expect(html()).toBe(before);
    expect(fs.readdirSync(path.join(root, "out"))).toEqual(["report.html"]);
  });

  it("names the missing plan when a rendered directory lacks an env of --all", async () => {
    const res = await runCli(["report", "--all", "--against", "base", "--out", "out/all.html"], { cwd: root });
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('stackplan: base/dev/plan.json: --against "base": no rendered plan for this env; expected <dir>/<env>/plan.json for dev, staging, prod\n');
    expect(fs.existsSync(path.join(root, "out/all.html"))).toBe(false);
  });
});
