import { describe, expect, it } from "vitest";
import { planNetwork, type NetworkPlanInput } from "../../../components/network/plan";
import { networkSpec } from "../../../src/spec/network";

const input = (network: Record<string, unknown> = {}): NetworkPlanInput => ({
  network: networkSpec.parse({ vpcCidr: "10.30.0.0/16", ...network }),
  region: "us-east-1",
  account: "333333333333",
  clusterName: "shop-prod",
});

describe("network planner", () => {
  it("places three tiers in the first N AZ IDs EKS accepts", () => {
    const plan = planNetwork(input());
    expect(plan.azIds).toEqual(["use1-az1", "use1-az2", "use1-az4"]);
    expect(plan.subnets.map((s) => s.key)).toEqual([
      "private-use1-az1", "private-use1-az2", "private-use1-az4",
      "public-use1-az1", "public-use1-az2", "public-use1-az4",
      "data-use1-az1", "data-use1-az2", "data-use1-az4",
    ]);
    expect(plan.subnets[0]).toMatchObject({ name: "shop-prod-private-use1-az1", cidr: "10.30.0.0/19", slot: 0 });
  });

  it("tags public and private subnets for EKS and load balancers, data subnets for nothing", () => {
    const tags = Object.fromEntries(planNetwork(input()).subnets.map((s) => [s.tier, s.kubernetesTags]));
    expect(tags).toEqual({
      public: { "kubernetes.io/cluster/shop-prod": "shared", "kubernetes.io/role/elb": "1" },
      private: { "kubernetes.io/cluster/shop-prod": "shared", "kubernetes.io/role/internal-elb": "1" },
      data: {},
    });
  });

  it("perAz: one NAT gateway per AZ, each private route table through its own AZ's NAT", () => {
    const plan = planNetwork(input({ nat: "perAz" }));
    expect(plan.natGateways.map((n) => `${n.azId} in ${n.subnet}`)).toEqual([
      "use1-az1 in public-use1-az1", "use1-az2 in public-use1-az2", "use1-az4 in public-use1-az4",
    ]);
    expect(plan.routeTables.map((rt) => [rt.key, rt.defaultRoute, rt.subnets])).toEqual([
      ["public", { via: "internet-gateway" }, ["public-use1-az1", "public-use1-az2", "public-use1-az4"]],
      ["private-use1-az1", { via: "nat", natAzId: "use1-az1" }, ["private-use1-az1"]],
      ["private-use1-az2", { via: "nat", natAzId: "use1-az2" }, ["private-use1-az2"]],
      ["private-use1-az4", { via: "nat", natAzId: "use1-az4" }, ["private-use1-az4"]],
      ["data", { via: "none" }, ["data-use1-az1", "data-use1-az2", "data-use1-az4"]],
    ]);
  });

  it("single: one NAT gateway in the first AZ shared by every private route table", () => {
    const plan = planNetwork(input({ nat: "single", azCount: 2 }));
    expect(plan.natGateways.map((n) => n.azId)).toEqual(["use1-az1"]);
    expect(plan.routeTables.filter((rt) => rt.tier === "private").map((rt) => rt.defaultRoute)).toEqual([
      { via: "nat", natAzId: "use1-az1" },
      { via: "nat", natAzId: "use1-az1" },
    ]);
  });

  it("none: no NAT gateway and no default route out of the private tier", () => {
    const plan = planNetwork(input({ nat: "none" }));
    expect(plan.natGateways).toEqual([]);
    expect(plan.routeTables.filter((rt) => rt.tier !== "public").every((rt) => rt.defaultRoute.via === "none")).toBe(true);
  });

  it("attaches gateway endpoints to the private and data route tables and names interface endpoints by service", () => {
    const plan = planNetwork(input({ endpoints: { gateway: ["s3", "dynamodb"], interface: ["ecr.api", "sts"] } }));
    expect(plan.gatewayEndpointRouteTables).toEqual(["private-use1-az1", "private-use1-az2", "private-use1-az4", "data"]);
    expect(plan.gatewayEndpoints.map((e) => e.serviceName)).toEqual(["com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.dynamodb"]);
    expect(plan.interfaceEndpoints.map((e) => [e.key, e.serviceName])).toEqual([
      ["ecr-api", "com.amazonaws.us-east-1.ecr.api"],
      ["sts", "com.amazonaws.us-east-1.sts"],
    ]);
  });

  it("sends flow logs to a security-tier log group through a role whose ARN is known offline", () => {
    expect(planNetwork(input({ flowLogs: { trafficType: "REJECT" } })).flowLogs).toEqual({
      logGroup: {
        key: "flow-logs",
        name: "/aws/vpc-flow-logs/shop-prod",
        arn: "arn:aws:logs:us-east-1:333333333333:log-group:/aws/vpc-flow-logs/shop-prod",
        tier: "security",
        retentionInDays: 365,
      },
      role: { name: "shop-prod-vpc-flow-logs", arn: "arn:aws:iam::333333333333:role/shop-prod-vpc-flow-logs", managedPolicyArns: [] },
      trafficType: "REJECT",
    });
    expect(planNetwork(input({ flowLogs: { enabled: false } })).flowLogs).toBeUndefined();
  });
});
