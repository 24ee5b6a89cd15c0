import { AWS, tierTag } from "../../lib/aws";
import type { StackRule } from "../../lib/rule";
import { eachResource } from "../../lib/stack";
import { optString, Unevaluable } from "../../lib/values";

export const rule: StackRule = {
  id: "LOG-005",
  slug: "flow-logs-security-tier",
  title: "VPC flow logs go to a security-tier log group",
  family: "logs",
  severity: "medium",
  scope: "stack",
  resourceTypes: [AWS.flowLog, AWS.logGroup],
  rationale:
    "Flow logs are network evidence for incident response; in a shorter-lived tier they are gone before anyone looks. " +
    "The destination is found through the dependencies of `logDestination` (its ARN is unknown before apply). Flow logs " +
    "delivered to S3 or Firehose are outside CloudWatch retention and not judged here.",
  remediation: "Keep `network.flowLogs` on; the network component sends them to a log group of tier security.",
  check(view) {
    return eachResource(view.ofType(AWS.flowLog), (f) => {
      const kind = optString(f.props, "logDestinationType") ?? "cloud-watch-logs";
      if (kind !== "cloud-watch-logs") return [];
      const group = view.referenced(f, "logDestination", AWS.logGroup)[0] ?? view.referenced(f, "logGroupName", AWS.logGroup)[0];
      if (!group) throw new Unevaluable("logDestination", "the destination log group is not declared in this stack");
      const tier = tierTag(group);
      return tier === "security" ? [] : [{ path: "logDestination", message: `delivers to log group ${group.name} of tier ${String(tier ?? "(none)")}; flow logs belong in the security tier` }];
    });
  },
};
