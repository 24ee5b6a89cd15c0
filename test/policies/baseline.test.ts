import { describe, expect, it } from "vitest";
import { checkPlan } from "../../src/check/evaluate";
import { platformPlan } from "./fixtures/platform";

describe("the compliant platform fixture", () => {
  it.each([true, false])("breaks no rule (production %s)", (production) => {
    const result = checkPlan(platformPlan({ production }).build(), { today: "2026-01-15" });
    expect(result.findings.map((f) => `${f.rule} ${f.resource}: ${f.message}`)).toEqual([]);
  });
});
