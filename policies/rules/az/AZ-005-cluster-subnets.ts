import { AWS, distinctAzIds, EKS_REFUSED_AZ_IDS, subnetAzId, subnetsOf } from "../../lib/aws";
import type { StackRule, Violation } from "../../lib/rule";
import { eachResource } from "../../lib/stack";

export const rule: StackRule = {
  id: "AZ-005",
  slug: "cluster-subnets",
  title: "EKS cluster subnets span 2 AZ IDs and avoid the AZ IDs EKS refuses",
  family: "ha-aws",
  severity: "critical",
  scope: "stack",
  resourceTypes: [AWS.cluster, AWS.subnet],
  rationale:
    "EKS rejects control-plane subnets in use1-az3, usw1-az2 and cac1-az3 (UnsupportedAvailabilityZoneException) and " +
    "requires at least two AZs; finding out at `pulumi up` costs a failed deployment. AZ IDs, not names, decide it.",
  remediation: "Choose `network.azIds` without use1-az3, usw1-az2 or cac1-az3 (the network planner skips them for `azCount`).",
  check(view) {
    return eachResource(view.ofType(AWS.cluster), (c) => {
      const subnets = subnetsOf(view, c, "vpcConfig", "vpcConfig.subnetIds");
      const out: Violation[] = [];
      for (const s of subnets) {
        const az = subnetAzId(s);
        if ((EKS_REFUSED_AZ_IDS as readonly string[]).includes(az)) out.push({ path: "vpcConfig.subnetIds", message: `subnet ${s.name} is in ${az}, where EKS refuses control-plane subnets` });
      }
      const azs = distinctAzIds(subnets);
      if (azs.length < 2) out.push({ path: "vpcConfig.subnetIds", message: `its subnets span ${azs.length} AZ ID(s) (${azs.join(", ")}); EKS requires at least 2` });
      return out;
    });
  },
};
