import { AWS, azFloor } from "../../lib/aws";
import type { RuleResource, StackRule, Violation } from "../../lib/rule";
import { eachResource, type StackView } from "../../lib/stack";
import { optString, quote } from "../../lib/values";

function vpcOf(view: StackView, s: RuleResource): string {
  const vpc = view.referenced(s, "vpcId", AWS.vpc)[0];
  return vpc ? vpc.name : (optString(s.props, "vpcId") ?? "(no vpcId)");
}

export const rule: StackRule = {
  id: "AZ-001",
  slug: "subnets-span-azs",
  title: "Subnets are placed by AZ ID and each VPC spans 2 AZ IDs (3 in production)",
  family: "ha-aws",
  severity: "high",
  scope: "stack",
  resourceTypes: [AWS.subnet, AWS.vpc],
  rationale:
    "A VPC in one zone dies with it. Zones are counted by AZ ID (`use1-az1`): AZ names such as `us-east-1a` map to " +
    "different physical zones in different accounts, so a subnet placed by name cannot be reasoned about.",
  remediation: "Set `network.azCount` (3 in production) or `network.azIds`; the network component sets `availabilityZoneId` on every subnet.",
  check(view, env) {
    const floor = azFloor(env.production);
    const byVpc = new Map<string, { azs: Set<string>; subnets: RuleResource[] }>();
    const placement: Violation[] = eachResource(view.ofType(AWS.subnet), (s) => {
      const id = optString(s.props, "availabilityZoneId");
      const vpc = vpcOf(view, s);
      const entry = byVpc.get(vpc) ?? { azs: new Set<string>(), subnets: [] };
      entry.subnets.push(s);
      byVpc.set(vpc, entry);
      if (id !== undefined) {
        entry.azs.add(id);
        return [];
      }
      const name = optString(s.props, "availabilityZone");
      return [{ path: "availabilityZoneId", message: name ? `is placed by AZ name ${quote(name)}; place it by AZ ID (availabilityZoneId)` : "has no availabilityZoneId" }];
    });
    const spread: Violation[] = [];
    for (const [vpc, { azs, subnets }] of [...byVpc].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (azs.size >= floor) continue;
      const list = [...azs].sort().join(", ") || "none";
      spread.push({ urn: subnets[0]!.urn, message: `the subnets of VPC ${vpc} span ${azs.size} AZ ID(s) (${list}); env ${env.name} needs at least ${floor}` });
    }
    return [...placement, ...spread];
  },
};
