import { alarmPeriods } from "../../lib/alarms";
import { AWS } from "../../lib/aws";
import type { ResourceRule } from "../../lib/rule";

export function isValidPeriod(period: number, query: boolean): boolean {
  const sub = query ? [1, 5, 10, 20, 30] : [10, 20, 30];
  return Number.isInteger(period) && (sub.includes(period) || (period > 0 && period % 60 === 0));
}

export const rule: ResourceRule = {
  id: "MET-004",
  slug: "valid-period",
  title: "Alarm periods are 10, 20, 30 or a multiple of 60 seconds",
  family: "metrics",
  severity: "high",
  scope: "resource",
  resourceTypes: [AWS.metricAlarm],
  rationale:
    "CloudWatch rejects other periods at apply time (PutMetricAlarm). Metric-query periods may also be 1 or 5 s for " +
    "high-resolution metrics. Checkers that accept only 10, 30 and n×60 are out of date: 20 was added later.",
  remediation: "Use the tier's period (omit `period:`), or 10/20/30 s for a declared high-resolution critical alarm.",
  check(r) {
    return alarmPeriods(r)
      .filter((p) => !isValidPeriod(p.period, p.query))
      .map(({ period, path, query }) => ({ path, message: `period ${period}s is not valid; CloudWatch accepts ${query ? "1, 5, " : ""}10, 20, 30 or a multiple of 60` }));
  },
};
