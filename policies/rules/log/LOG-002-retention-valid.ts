import { AWS, VALID_RETENTION } from "../../lib/aws";
import type { ResourceRule } from "../../lib/rule";
import { optNumber } from "../../lib/values";

export const rule: ResourceRule = {
  id: "LOG-002",
  slug: "retention-set",
  title: "Log groups expire their events, with a retention CloudWatch accepts",
  family: "logs",
  severity: "high",
  scope: "resource",
  resourceTypes: [AWS.logGroup],
  rationale:
    "A log group without retention (or 0) keeps every event forever and its storage bill only grows. CloudWatch accepts " +
    `only ${VALID_RETENTION.join(", ")} days; anything else fails at apply.`,
  remediation: "Give the log group a tier in `observability.logGroups`; the component sets the tier's retention.",
  check(r) {
    const days = optNumber(r.props, "retentionInDays");
    if (days === undefined || days === 0) return [{ path: "retentionInDays", message: `has ${days === 0 ? "retentionInDays 0" : "no retentionInDays"}: its events never expire` }];
    if ((VALID_RETENTION as readonly number[]).includes(days)) return [];
    return [{ path: "retentionInDays", message: `retentionInDays ${days} is not a value CloudWatch accepts` }];
  },
};
