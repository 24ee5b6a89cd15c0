import { alarmPeriods, isHighResolution } from "../../lib/alarms";
import { AWS, isMetricTier, METRIC_PERIOD, tierTag } from "../../lib/aws";
import type { ResourceRule } from "../../lib/rule";

export const rule: ResourceRule = {
  id: "MET-002",
  slug: "period-matches-tier",
  title: "Alarm periods match their tier (critical 60 s, important 300 s, nice-to-have 900 s)",
  family: "metrics",
  severity: "medium",
  scope: "resource",
  resourceTypes: [AWS.metricAlarm],
  rationale:
    "The period is the tier's contract: critical signals page within minutes, nice-to-have ones may lag a quarter hour " +
    "and cost less to evaluate and store. Sub-minute periods on critical alarms are high resolution and judged by MET-003.",
  remediation: "Drop `period:` from the alarm in the values file (the tier sets it) or move the alarm to the tier whose period you need.",
  check(r) {
    const tier = tierTag(r);
    if (!isMetricTier(tier)) return []; // MET-001
    const want = METRIC_PERIOD[tier];
    return alarmPeriods(r)
      .filter(({ period }) => period !== want && !(tier === "critical" && isHighResolution(period)))
      .map(({ period, path }) => ({ path, message: `period ${period}s does not match its ${tier} tier (${want}s)` }));
  },
};
