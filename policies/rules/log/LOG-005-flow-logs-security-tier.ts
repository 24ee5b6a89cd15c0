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
    "The destination is found through the dependencies of `logDestination` (its ARN may be unknown before apply), or by " +
    "the log group name in a known ARN. Flow logs " +
    "delivered to S3 or Firehose are outside CloudWatch retention and not judged here.",
  remediation: "Keep `network.flowLogs` on; the network component sends them to a log group of tier security.",
  check(view) {
    return eachResource(view.ofType(AWS.flowLog), (f) => {
      const kind = optString(f.props, "logDestinationType") ?? "cloud-watch-logs";
      if (kind !== "cloud-watch-logs") return [];
      const group =
        view.referenced(f, "logDestination", AWS.logGroup)[0] ??
        view.referenced(f, "logGroupName", AWS.logGroup)[0] ??
        logGroupNamed(view.ofType(AWS.logGroup), logGroupNameOf(optString(f.props, "logDestination") ?? optString(f.props, "logGroupName")));
      if (!group) throw new Unevaluable("logDestination", "the destination log group is not declared in this stack");
      const tier = tierTag(group);
      return tier === "security" ? [] : [{ path: "logDestination", message: `delivers to log group ${group.name} of tier ${String(tier ?? "(none)")}; flow logs belong in the security tier` }];
    });
  },
};

/** `arn:aws:logs:<region>:<account>:log-group:<name>[:*]` → `<name>`; a bare name stays as is. */
function logGroupNameOf(destination: string | undefined): string | undefined {
  if (destination === undefined || destination === "[unknown]") return undefined;
  const m = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:(.+?)(?::\*)?$/.exec(destination);
  return m ? m[1] : destination.startsWith("arn:") ? undefined : destination;
}

function logGroupNamed<T extends { props: Record<string, unknown> }>(groups: readonly T[], name: string | undefined): T | undefined {
  return name === undefined ? undefined : groups.find((g) => g.props.name === name);
}
