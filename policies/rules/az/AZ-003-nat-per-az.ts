import { AWS, subnetAzId, subnetsOf } from "../../lib/aws";
import type { StackRule, Violation } from "../../lib/rule";
import { eachResource } from "../../lib/stack";
import { optString } from "../../lib/values";

export const rule: StackRule = {
  id: "AZ-003",
  slug: "nat-per-az",
  title: "Production has a NAT gateway in every AZ ID it uses",
  family: "ha-aws",
  severity: "high",
  scope: "stack",
  resourceTypes: [AWS.natGateway, AWS.subnet],
  rationale:
    "With one shared NAT gateway, losing its zone cuts every private subnet off the internet (image pulls, AWS APIs " +
    "without endpoints), and cross-zone traffic is billed. Production needs a public NAT gateway per AZ ID; other " +
    "environments may share one to save money.",
  remediation: "Set `network.nat: perAz` in the production overlay.",
  check(view, env) {
    if (!env.production) return [];
    const needed = new Map<string, string>();
    const out: Violation[] = eachResource(view.ofType(AWS.subnet), (s) => {
      const az = subnetAzId(s);
      if (!needed.has(az)) needed.set(az, s.urn);
      return [];
    });
    const covered = new Set<string>();
    out.push(
      ...eachResource(view.ofType(AWS.natGateway), (n) => {
        if ((optString(n.props, "connectivityType") ?? "public") !== "public") return [];
        for (const s of subnetsOf(view, n, "subnetId", "subnetId")) covered.add(subnetAzId(s));
        return [];
      }),
    );
    for (const [az, urn] of [...needed].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!covered.has(az)) out.push({ urn, message: `AZ ID ${az} has subnets but no public NAT gateway (production env ${env.name} needs one per AZ)` });
    }
    return out;
  },
};
