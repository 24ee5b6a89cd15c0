import { describe, expect, it } from "vitest";
import { checkPlan } from "../../src/check/evaluate";
import { RULES } from "../../policies/registry";
import { platformPlan } from "./fixtures/platform";
import { MUTATIONS } from "./mutations";

describe("every rule: one mutation per violation of the compliant platform", () => {
  it.each(MUTATIONS.map((m) => [m.rule, m.what, m] as const))("%s %s", (rule, _what, m) => {
    const b = platformPlan({ production: m.production ?? true });
    m.mutate(b);
    const findings = checkPlan(b.build(), { today: "2026-01-15" }).findings.filter((f) => f.kind === "violation");
    const own = findings.filter((f) => f.rule === rule);
    expect(own.map((f) => f.message).join("\n")).toContain(m.says);
  });

  it("covers every rule of the registry", () => {
    const covered = new Set(MUTATIONS.map((m) => m.rule));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});
