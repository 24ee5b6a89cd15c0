import { alarmPeriods } from "../../lib/alarms";
import { AWS } from "../../lib/aws";
import type { ResourceRule, Violation } from "../../lib/rule";
import { optNumber } from "../../lib/values";

/** CloudWatch's limit on period × evaluationPeriods (aws-facts.md §3a). */
export function maxWindow(period: number): number {
  return period < 3600 ? 86_400 : 604_800;
}

export const rule: ResourceRule = {
  id: "MET-005",
  slug: "evaluation-window",
  title: "Alarm evaluation windows stay within CloudWatch's limits",
  family: "metrics",
  severity: "high",
  scope: "resource",
  resourceTypes: [AWS.metricAlarm],
  rationale:
    "period × evaluationPeriods may not exceed one day (86,400 s) when the period is under an hour, or seven days " +
    "(604,800 s) otherwise; CloudWatch rejects the alarm at apply. evaluationPeriods is required for metric alarms, and " +
    "datapointsToAlarm cannot exceed it.",
  remediation: "Lower `evaluationPeriods` (or `datapointsToAlarm`) of the alarm in the values file.",
  check(r) {
    const n = optNumber(r.props, "evaluationPeriods");
    if (n === undefined || n < 1) return [{ path: "evaluationPeriods", message: "has no evaluationPeriods (required for metric alarms)" }];
    const out: Violation[] = [];
    for (const { period, path } of alarmPeriods(r)) {
      const window = period * n;
      if (window > maxWindow(period)) out.push({ path, message: `evaluates ${n} × ${period}s = ${window}s, over CloudWatch's limit of ${maxWindow(period)}s for a ${period < 3600 ? "period under an hour" : "period of an hour or more"}` });
    }
    const m = optNumber(r.props, "datapointsToAlarm");
    if (m !== undefined && m > n) out.push({ path: "datapointsToAlarm", message: `datapointsToAlarm ${m} exceeds evaluationPeriods ${n}` });
    return out;
  },
};
