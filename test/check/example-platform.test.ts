/**
 * The example platform, rendered offline: prod passes every rule with no mandatory violation,
 * and a deliberately broken copy of it trips every rule family.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAMILIES } from "../../policies/lib/rule";
import { checkPlan } from "../../src/check/evaluate";
import { summarize, type CheckResult } from "../../src/check/types";
import { renderEnv } from "../../src/plan/render";
import type { Plan, PlanResource } from "../../src/plan/types";
import { loadProject } from "../../src/project/project";
import { copyExampleProject, REPO_ROOT } from "../helpers/temp-project";

const TODAY = "2026-11-21";

describe("example platform under the policy packs", () => {
  let prod: Plan;
  let broken: CheckResult;
  let brokenRoot: string;

  beforeAll(async () => {
    prod = (await renderEnv(loadProject(REPO_ROOT), "prod")).plan;

    // A broken copy: what values can break is broken in the values …
    brokenRoot = copyExampleProject();
    const edit = (rel: string, fn: (t: string) => string) => {
      const file = path.join(brokenRoot, rel);
      fs.writeFileSync(file, fn(fs.readFileSync(file, "utf8")));
    };
    edit("overlays/prod/values.yaml", (t) =>
      t
        .replace("azIds: [use1-az1, use1-az2, use1-az4]", "azIds: [use1-az1, use1-az2]") // AZ: prod needs 3 AZ IDs
        .replace("    publicAccess: false\n    publicAccessCidrs: []", "    publicAccess: true\n    publicAccessCidrs: [0.0.0.0/0]") // SEC: open endpoint
        .replace("  checkout: { replicas: 3 }", "  checkout: { replicas: 3, image: { tag: latest } }"), // HA: latest tag
    );
    edit("overlays/base/values.yaml", (t) => t.replace("      threshold: 80\n", "      threshold: 80\n      period: 45\n")); // MET: invalid period
    const plan = (await renderEnv(loadProject(brokenRoot), "prod")).plan;
    // … and what the components make impossible to break (retention follows the tier) is broken in the plan.
    const mutated = plan.resources.map((r): PlanResource =>
      r.type === "aws:cloudwatch/logGroup:LogGroup" && r.name.endsWith("-application") ? { ...r, inputs: { ...r.inputs, retentionInDays: 30 } } : r,
    );
    broken = checkPlan({ ...plan, resources: mutated }, { today: TODAY });
  });
  afterAll(() => fs.rmSync(brokenRoot, { recursive: true, force: true }));

  it("prod passes with no violation at all", () => {
    const result = checkPlan(prod, { today: TODAY });
    expect(result.findings.filter((f) => f.kind === "violation")).toEqual([]);
    expect(summarize(result)).toMatchObject({ mandatory: 0, passed: true });
  });

  it("the broken copy trips every rule family and fails", () => {
    const violated = new Set(broken.findings.filter((f) => f.kind === "violation").map((f) => f.rule));
    for (const id of ["HA-008", "AZ-001", "MET-004", "LOG-003", "SEC-003"]) expect(violated).toContain(id);
    const families = new Set(broken.findings.filter((f) => f.kind === "violation").map((f) => f.family));
    expect([...families].sort()).toEqual(Object.keys(FAMILIES).sort());
    expect(summarize(broken).passed).toBe(false);
  });
});
