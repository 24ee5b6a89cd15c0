import { beforeAll, describe, expect, it } from "vitest";
import { AWS_PROVIDER_URN, COMMON_COUNTS, decodeUserData, renderTopology, type RenderedTopology } from "./topology-harness";

const AZS = ["use1-az1", "use1-az2"];

describe("dev topology under the offline mocks", () => {
  let t: RenderedTopology;
  const names = (type: string) => t.ofType(type).map((r) => r.name).sort();

  beforeAll(async () => {
    t = await renderTopology("dev");
    console.log(`dev topology: ${t.resources.length} resources in ${Math.round(t.elapsedMs)} ms`);
  });

  it("registers a two-AZ network with a single NAT gateway and the same cluster shape as prod", () => {
    expect(t.countByType()).toEqual({
      ...COMMON_COUNTS,
      "aws:ec2/eip:Eip": 1,
      "aws:ec2/natGateway:NatGateway": 1,
      "aws:ec2/route:Route": 3,
      "aws:ec2/routeTable:RouteTable": 4,
      "aws:ec2/routeTableAssociation:RouteTableAssociation": 6,
      "aws:ec2/subnet:Subnet": 6,
      "aws:ec2/vpcEndpoint:VpcEndpoint": 4,
    });
    expect(t.resources.filter((r) => r.type.startsWith("aws:")).every((r) => r.provider === AWS_PROVIDER_URN("dev"))).toBe(true);
  });

  it("takes the first two AZ IDs EKS accepts and the dev VPC range", () => {
    expect(t.byName("shop-vpc").inputs).toEqual({ cidrBlock: "10.10.0.0/16", enableDnsHostnames: true, enableDnsSupport: true, tags: { Name: "shop-dev" } });
    expect(t.ofType("aws:ec2/subnet:Subnet").map((s) => `${s.inputs.availabilityZoneId} ${s.inputs.cidrBlock}`).sort()).toEqual([
      "use1-az1 10.10.0.0/19",
      "use1-az1 10.10.128.0/24",
      "use1-az1 10.10.132.0/24",
      "use1-az2 10.10.129.0/24",
      "use1-az2 10.10.133.0/24",
      "use1-az2 10.10.32.0/19",
    ]);
  });

  it("routes both private tables through the one NAT gateway in the first AZ", () => {
    const nat = t.byName("shop-nat-use1-az1");
    expect(nat.propertyDependencies.subnetId).toEqual([t.urnOf("shop-public-use1-az1")]);
    for (const az of AZS) expect(t.byName(`shop-rt-private-${az}-default`).propertyDependencies.natGatewayId).toEqual([nat.urn]);
  });

  it("keeps the interface endpoints of the shared non-prod layer and logs rejected flows only", () => {
    expect(names("aws:ec2/vpcEndpoint:VpcEndpoint")).toEqual(["shop-vpce-dynamodb", "shop-vpce-ecr-api", "shop-vpce-ecr-dkr", "shop-vpce-s3"]);
    expect(t.byName("shop-flow-log").inputs).toMatchObject({
      trafficType: "REJECT",
      logDestination: "arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpc-flow-logs/shop-dev",
      iamRoleArn: "arn:aws:iam::111111111111:role/shop-dev-vpc-flow-logs",
    });
  });

  it("opens the public endpoint to the office range only", () => {
    expect(t.byName("shop-eks").inputs.vpcConfig).toEqual({
      endpointPrivateAccess: true,
      endpointPublicAccess: true,
      publicAccessCidrs: ["203.0.113.0/24"],
      subnetIds: ["[unknown]", "[unknown]"],
    });
    expect(t.byName("shop-addon-coredns").inputs.addonVersion).toBe("v1.12.4-eksbuild.2");
  });

  it("runs spot node groups sized for dev with max pods from their smallest instance type", () => {
    expect(t.byName("shop-ng-general-group").inputs).toMatchObject({
      capacityType: "SPOT",
      instanceTypes: ["t3.large", "t3a.large", "m5.large"],
      scalingConfig: { minSize: 2, desiredSize: 2, maxSize: 6 },
      labels: { "stackplan.dev/node-group": "general", workload: "general" },
    });
    expect(decodeUserData(t.byName("shop-ng-general-lt"))).toContain("      maxPods: 29\n");
    expect(t.byName("shop-ng-batch-group").inputs).toMatchObject({ capacityType: "SPOT", instanceTypes: ["c6i.large", "c5.large"] });
    expect(t.infra.nodeGroups.general).toMatchObject({ maxPods: 29, azIds: AZS, capacityType: "SPOT" });
  });

  it("notifies the non-prod mailbox through the dev alarm topic", () => {
    expect(t.byName("shop-alarms-email-0").inputs).toMatchObject({ protocol: "email", endpoint: "platform-nonprod@shop.example.com" });
    expect(t.infra.alarmTopicArn).toBe("arn:aws:sns:us-east-1:111111111111:shop-dev-alarms");
  });
});
