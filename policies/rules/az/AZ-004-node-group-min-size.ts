import { AWS, distinctAzIds, subnetsOf } from "../../lib/aws";
import type { StackRule } from "../../lib/rule";
import { eachResource } from "../../lib/stack";
import { optNumber, Unevaluable } from "../../lib/values";

export const rule: StackRule = {
  id: "AZ-004",
  slug: "node-group-min-size",
  title: "Node group minSize is at least its number of AZ IDs",
  family: "ha-aws",
  severity: "medium",
  scope: "stack",
  resourceTypes: [AWS.nodeGroup, AWS.subnet],
  rationale:
    "A group scaled down below its zone count leaves zones without a node: pods with zone spread go Pending and a zone " +
    "outage can take the group's last node.",
  remediation: "Raise `nodeGroups.<name>.minSize` to the number of AZs (and desiredSize with it).",
  check(view) {
    return eachResource(view.ofType(AWS.nodeGroup), (g) => {
      const min = optNumber(g.props, "scalingConfig.minSize");
      if (min === undefined) throw new Unevaluable("scalingConfig.minSize", "the value is missing");
      const azs = distinctAzIds(subnetsOf(view, g, "subnetIds", "subnetIds"));
      return min >= azs.length ? [] : [{ path: "scalingConfig.minSize", message: `minSize ${min} is below its ${azs.length} AZ IDs (${azs.join(", ")}): some zones may have no node` }];
    });
  },
};
