import { z } from "zod";
import { isoDate } from "./common";

export const enforcementLevel = z.enum(["advisory", "mandatory", "disabled"]);
export type EnforcementLevel = z.infer<typeof enforcementLevel>;

export const ruleId = z.string().regex(/^[A-Z]{2,5}-\d{3}$/, "expected a rule id such as HA-001");

export const waiverSpec = z.strictObject({
  rule: ruleId,
  /** A resource URN, or kind/namespace/name for Kubernetes objects, or type::name for AWS resources. */
  resource: z.string().min(1),
  /** Why the rule does not apply: read by reviewers and printed in the report. */
  reason: z.string().min(10, "expected a reason of at least 10 characters"),
  /** Last day the waiver applies (UTC), YYYY-MM-DD. */
  expires: isoDate,
});

export const policySpec = z
  .strictObject({
    /** Level of every rule in this env. @default "advisory" */
    enforcement: z.enum(["advisory", "mandatory"]).default("advisory"),
    /** Per-rule levels that override `enforcement`. @default {} */
    overrides: z.record(ruleId, enforcementLevel).default({}),
    /** @default [] */
    waivers: z.array(waiverSpec).default([]),
  })
  .default({ enforcement: "advisory", overrides: {}, waivers: [] });

export type PolicySpec = z.output<typeof policySpec>;
export type WaiverSpec = z.output<typeof waiverSpec>;
