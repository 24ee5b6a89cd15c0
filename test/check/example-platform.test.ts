/**
 * The example platform in prod passes with no mandatory violation, and a deliberately broken
 * copy trips every rule family.
 * INTEGRATION (lead): these run on the hand-made realistic plan of fixtures/platform.ts; switch
 * them to the rendered example plans (`renderEnv(project, "prod")`) once the components land.
 */
import { describe, expect, it } from "vitest";
import { checkPlan } from "../../src/check/evaluate";
import { summarize } from "../../src/check/types";
import { FAMILIES } from "../../policies/lib/rule";
import { platformPlan } from "../policies/fixtures/platform";
import { MUTATIONS } from "../policies/mutations";

describe("example platform", () => {
  it("prod passes with no mandatory violation", () => {
    const result = checkPlan(platformPlan({ production: true }).build(), { today: "2026-01-15" });
    expect(summarize(result)).toMatchObject({ mandatory: 0, passed: true });
  });

  it("a broken copy trips every rule family and fails", () => {
    const b = platformPlan({ production: true });
    for (const id of ["HA-008", "AZ-004", "MET-004", "LOG-003", "SEC-004"]) MUTATIONS.find((m) => m.rule === id)!.mutate(b);
    const result = checkPlan(b.build(), { today: "2026-01-15" });
    const families = new Set(result.findings.filter((f) => f.kind === "violation").map((f) => f.family));
    expect([...families].sort()).toEqual(Object.keys(FAMILIES).sort());
    expect(summarize(result).passed).toBe(false);
  });
});
