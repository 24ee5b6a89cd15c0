/**
 * Golden diffs: text, JSON and Markdown of three diffs of the fixture project — two promotions
 * (inputs: the render goldens) and a branch against main on prod (input: a render of the fixture
 * with a changed stack file, kept as test/golden/diff/branch/to.plan.json). UPDATE_GOLDEN=1
 * rewrites the outputs and re-renders that input.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { diffPlans } from "../../src/diff/engine";
import { formatJson } from "../../src/diff/format-json";
import { formatMarkdown } from "../../src/diff/format-markdown";
import { formatText } from "../../src/diff/format-text";
import { readPlanFile } from "../../src/check/obtain-plan";
import { loadProject } from "../../src/project/project";
import { renderEnv } from "../../src/plan/render";
import { stableStringify } from "../../src/util/stable-json";
import { copyFixture, editFile } from "../plan/helpers";
import { expectGoldenFile, GOLDEN_ROOT, UPDATE } from "./golden";

const plan = (env: string) => readPlanFile(path.join(GOLDEN_ROOT, "render", env, "plan.json"), env);
const BRANCH_TO = path.join(GOLDEN_ROOT, "diff", "branch", "to.plan.json");

/** The branch: a new image, a rotated secret, one more instance type, longer log retention. */
async function renderBranch(): Promise<void> {
  const root = copyFixture();
  try {
    editFile(root, "stacks/Pulumi.prod.yaml", (t) =>
      t
        .replace('imageTag: "1.3.2"', 'imageTag: "1.4.0"')
        .replace("nodeInstanceTypes: [m6i.large]", "nodeInstanceTypes: [m6i.large, m5.large]")
        .replace("logRetentionDays: 365", "logRetentionDays: 400")
        .replace("cHJvZC1jaXBoZXJ0ZXh0", "cm90YXRlZC1jaXBoZXJ0ZXh0"),
    );
    const r = await renderEnv(loadProject(root), "prod");
    fs.mkdirSync(path.dirname(BRANCH_TO), { recursive: true });
    fs.writeFileSync(BRANCH_TO, stableStringify(r.plan));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const CASES = {
  "dev-to-staging": () => diffPlans(plan("dev"), plan("staging")),
  "staging-to-prod": () => diffPlans(plan("staging"), plan("prod")),
  branch: () => diffPlans(plan("prod"), readPlanFile(BRANCH_TO, "branch"), { fromLabel: "main:prod", toLabel: "prod" }),
};

beforeAll(async () => {
  if (UPDATE) await renderBranch();
});

describe("golden diffs of the fixture project", () => {
  for (const [name, make] of Object.entries(CASES)) {
    it(`${name}: text, json and markdown match test/golden/diff/${name}`, () => {
      const diff = make();
      const dir = path.join(GOLDEN_ROOT, "diff", name);
      expectGoldenFile(path.join(dir, "diff.txt"), formatText(diff));
      expectGoldenFile(path.join(dir, "diff.json"), formatJson(diff));
      expectGoldenFile(path.join(dir, "diff.md"), formatMarkdown(diff));
    });
  }

  it("dev-to-staging: another instance type replaces the node group, and says why", () => {
    const text = formatText(CASES["dev-to-staging"]());
    expect(text).toContain("+-aws:eks/nodeGroup:NodeGroup: (replace)");
    expect(text).toContain('~ instanceTypes[0]: "t3.large" => "m6i.large"  (forces replacement)');
  });

  it("staging-to-prod: new subnets update the EKS cluster in place (subnetIds is not create-only)", () => {
    const step = CASES["staging-to-prod"]().steps.find((s) => s.type === "aws:eks/cluster:Cluster")!;
    expect(step.op).toBe("update");
    expect(step.changes.map((c) => c.path)).toContain("vpcConfig.subnetIds[2]");
  });

  it("branch: a rotated secret shows as changed without its value or fingerprint", () => {
    const diff = CASES.branch();
    const all = [formatText(diff), formatJson(diff), formatMarkdown(diff)].join("\n");
    expect(formatText(diff)).toContain("~ stringData: [secret] => [secret]  (forces replacement)");
    expect(all).not.toMatch(/hmac-sha256|cm90YXRlZC1jaXBoZXJ0ZXh0|cHJvZC1jaXBoZXJ0ZXh0/);
  });
});
