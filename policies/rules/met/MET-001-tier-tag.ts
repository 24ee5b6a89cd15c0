import { AWS, filterTier, isMetricTier, TAG, tierTag } from "../../lib/aws";
import type { ResourceRule } from "../../lib/rule";
import { quote } from "../../lib/values";
import { METRIC_TIERS } from "../../../src/spec/common";

export const rule: ResourceRule = {
  id: "MET-001",
  slug: "metric-tier",
  title: "Every alarm and custom metric carries a cost tier",
  family: "metrics",
  severity: "medium",
  scope: "resource",
  resourceTypes: [AWS.metricAlarm, AWS.compositeAlarm, AWS.logMetricFilter],
  rationale:
    "The tier (critical, important, nice-to-have) decides the period, the resolution and so the price of a metric; an " +
    "untiered alarm escapes every cost rule. Alarms carry the `stackplan:tier` tag; metric filters take no tags, so their " +
    "name is `<prefix>/<tier>/<key>`.",
  remediation: "Give the alarm or custom metric a `tier:` in `observability.alarms`, `compositeAlarms` or `customMetrics`.",
  check(r) {
    const allowed = METRIC_TIERS.join(", ");
    if (r.type === AWS.logMetricFilter) {
      const { tier, name } = filterTier(r);
      return isMetricTier(tier) ? [] : [{ path: "name", message: `metric filter name ${quote(name)} does not follow <prefix>/<tier>/<key> with a tier in ${allowed}` }];
    }
    const tier = tierTag(r);
    if (isMetricTier(tier)) return [];
    return [{ path: `tags.${TAG.tier}`, message: tier === undefined ? `has no ${TAG.tier} tag (one of ${allowed})` : `has ${TAG.tier} ${quote(tier)}; expected one of ${allowed}` }];
  },
};
