import { AWS, isRetentionTier, TAG, tierTag } from "../../lib/aws";
import type { ResourceRule } from "../../lib/rule";
import { quote } from "../../lib/values";
import { RETENTION_TIERS } from "../../../src/spec/common";

export const rule: ResourceRule = {
  id: "LOG-001",
  slug: "log-tier",
  title: "Every log group carries a retention tier",
  family: "logs",
  severity: "medium",
  scope: "resource",
  resourceTypes: [AWS.logGroup],
  rationale:
    "The tier (security, application, debug) states how long the logs must be kept and what they cost; a log group " +
    "without one cannot be checked or priced.",
  remediation: "Give the log group a `tier:` under `observability.logGroups` (the components tag it `stackplan:tier`).",
  check(r) {
    const tier = tierTag(r);
    if (isRetentionTier(tier)) return [];
    const allowed = RETENTION_TIERS.join(", ");
    return [{ path: `tags.${TAG.tier}`, message: tier === undefined ? `has no ${TAG.tier} tag (one of ${allowed})` : `has ${TAG.tier} ${quote(tier)}; expected one of ${allowed}` }];
  },
};
