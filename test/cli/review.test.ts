/** `stackplan review` on the fixture project: promotions in order, the policy summary, exit 1 on mandatory violations. */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, copyFixture } from "../plan/helpers";
import type { CliResult } from "../helpers/cli";

let root: string;
let r: CliResult;

beforeAll(async () => {
  root = copyFixture();
  r = await cli(["review"], root);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("review", () => {
  it("summarises each promotion step in order, then the policy checks of every env", () => {
    const out = r.stdout;
    expect(out).toMatch(/^dev {6}rendered \d+ resources in [\d.]+s$/m);
    expect(out).toContain("Promotion dev → staging: 10 changes (~3 update, +-7 replace, 18 unchanged)");
    expect(out).toContain('  replaced: aws:eks/nodeGroup:NodeGroup "shop-general" (instanceTypes, subnetIds)');
    expect(out.indexOf("Promotion dev → staging")).toBeLessThan(out.indexOf("Promotion staging → prod"));
    expect(out).toMatch(/Policy checks:\n {2}dev {6}PASS: 0 mandatory, \d+ advisory, 0 waived \(advisory\)\n/);
  });

  it("exits 1 when an env has a mandatory violation, and writes nothing", () => {
    expect(r.stdout).toMatch(/ {2}prod {5}FAIL: \d+ mandatory/);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("stackplan: policy checks failed\n");
    expect(fs.existsSync(path.join(root, "rendered"))).toBe(false);
  });
});
