import { AWS, isRetentionTier, TIER_RETENTION, tierTag, VALID_RETENTION } from "../../lib/aws";
import type { ResourceRule } from "../../lib/rule";
import { optNumber } from "../../lib/values";

export const rule: ResourceRule = {
  id: "LOG-003",
  slug: "retention-matches-tier",
  title: "Log retention matches the tier (security 365, application 90, debug 7 days)",
  family: "logs",
  severity: "medium",
  scope: "resource",
  resourceTypes: [AWS.logGroup],
  rationale:
    "Security logs (audit, flow logs) must outlive an incident investigation and audits (a year); application logs are " +
    "kept a quarter; debug streams a week, because they are large. Longer costs money, shorter loses evidence.",
  remediation: "Fix the tier of the log group in `observability.logGroups`; do not set retention by hand.",
  check(r) {
    const tier = tierTag(r);
    const days = optNumber(r.props, "retentionInDays");
    if (!isRetentionTier(tier) || days === undefined || !(VALID_RETENTION as readonly number[]).includes(days)) return []; // LOG-001, LOG-002
    const want = TIER_RETENTION[tier];
    return days === want ? [] : [{ path: "retentionInDays", message: `keeps events ${days} days; its ${tier} tier requires ${want}` }];
  },
};
