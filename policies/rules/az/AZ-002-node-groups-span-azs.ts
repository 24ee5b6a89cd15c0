import { AWS, azFloor, distinctAzIds, subnetsOf } from "../../lib/aws";
import type { StackRule } from "../../lib/rule";
import { eachResource } from "../../lib/stack";

export const rule: StackRule = {
  id: "AZ-002",
  slug: "node-groups-span-azs",
  title: "Node groups span 2 AZ IDs (3 in production)",
  family: "ha-aws",
  severity: "high",
  scope: "stack",
  resourceTypes: [AWS.nodeGroup, AWS.subnet],
  rationale:
    "A managed node group in one zone loses all its nodes with that zone, and zone topology spread of the pods it hosts " +
    "cannot be satisfied. The node group's subnets are found through the dependencies of `subnetIds` (their ids are " +
    "unknown before apply).",
  remediation: "Drop `nodeGroups.<name>.azIds` or list enough AZ IDs; the network must provide private subnets in them.",
  check(view, env) {
    const floor = azFloor(env.production);
    return eachResource(view.ofType(AWS.nodeGroup), (g) => {
      const azs = distinctAzIds(subnetsOf(view, g, "subnetIds", "subnetIds"));
      return azs.length >= floor ? [] : [{ path: "subnetIds", message: `its subnets span ${azs.length} AZ ID(s) (${azs.join(", ")}); env ${env.name} needs at least ${floor}` }];
    });
  },
};
