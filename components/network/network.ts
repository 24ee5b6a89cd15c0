/**
 * `stackplan:network:Network`: the VPC of an environment, built from a NetworkPlan. Children are
 * named `<name>-<suffix>`; subnets are placed by AZ ID.
 */
import * as aws from "../shared/aws";
import * as pulumi from "@pulumi/pulumi";
import { withinComponent } from "../../src/program/component-error";
import { childOptions, type ChildOptions } from "../shared/child";
import { policyDocument, serviceTrustPolicy } from "../shared/iam";
import { buildLogGroup, buildRole } from "../shared/resources";
import { nameTags, SUBNET_TIER_TAG } from "../shared/tags";
import type { NetworkPlan } from "./plan";
import type { SubnetTier } from "./subnets";

export const NETWORK_TYPE = "stackplan:network:Network";

export interface NetworkArgs {
  readonly plan: NetworkPlan;
  /** The env's explicit AWS provider; every child uses it. */
  readonly provider: aws.Provider;
  /** Account that owns the VPC (the flow-log role trusts only it). */
  readonly account: string;
}

export class Network extends pulumi.ComponentResource {
  readonly plan: NetworkPlan;
  readonly vpc: aws.ec2.Vpc;
  readonly vpcId: pulumi.Output<string>;
  /** Subnets by key (`private-use1-az1`). */
  readonly subnets: Readonly<Record<string, aws.ec2.Subnet>>;
  /** Subnet ids per tier, in AZ slot order. */
  readonly subnetIds: Readonly<Record<SubnetTier, pulumi.Output<string>[]>>;

  constructor(name: string, args: NetworkArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(NETWORK_TYPE, name, {}, opts);
    this.plan = args.plan;
    const built = withinComponent(NETWORK_TYPE, name, () => buildNetwork(name, args, childOptions(this, args.provider)));
    this.vpc = built.vpc;
    this.vpcId = built.vpc.id;
    this.subnets = built.subnets;
    const idsOf = (tier: SubnetTier) => args.plan.subnets.filter((s) => s.tier === tier).map((s) => built.subnets[s.key]!.id);
    this.subnetIds = { public: idsOf("public"), private: idsOf("private"), data: idsOf("data") };
    this.registerOutputs({
      vpcId: this.vpcId,
      vpcCidr: args.plan.vpcCidr,
      azIds: args.plan.azIds,
      subnetCidrs: Object.fromEntries(args.plan.subnets.map((s) => [s.key, s.cidr])),
      publicSubnetIds: this.subnetIds.public,
      privateSubnetIds: this.subnetIds.private,
      dataSubnetIds: this.subnetIds.data,
      natStrategy: args.plan.natStrategy,
    });
  }
}

function buildNetwork(name: string, args: NetworkArgs, child: ChildOptions) {
  const { plan } = args;
  const vpc = new aws.ec2.Vpc(`${name}-vpc`, {
    cidrBlock: plan.vpcCidr,
    enableDnsHostnames: true,
    enableDnsSupport: true,
    tags: nameTags(plan.vpcName),
  }, child());
  // Take over the default security group and leave it without rules: nothing may use it.
  new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: vpc.id, ingress: [], egress: [], tags: nameTags(`${plan.vpcName}-default`) }, child());

  const subnets: Record<string, aws.ec2.Subnet> = {};
  for (const s of plan.subnets) {
    subnets[s.key] = new aws.ec2.Subnet(`${name}-${s.key}`, {
      vpcId: vpc.id,
      cidrBlock: s.cidr,
      availabilityZoneId: s.azId,
      mapPublicIpOnLaunch: false,
      tags: nameTags(s.name, { [SUBNET_TIER_TAG]: s.tier, ...s.kubernetesTags }),
    }, child());
  }

  const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: nameTags(`${plan.vpcName}-igw`) }, child());
  const nats: Record<string, aws.ec2.NatGateway> = {};
  for (const n of plan.natGateways) {
    const eip = new aws.ec2.Eip(`${name}-nat-eip-${n.azId}`, { domain: "vpc", tags: nameTags(n.name) }, child());
    nats[n.azId] = new aws.ec2.NatGateway(`${name}-nat-${n.azId}`, {
      allocationId: eip.allocationId,
      subnetId: subnets[n.subnet]!.id,
      connectivityType: "public",
      tags: nameTags(n.name),
    }, child({ dependsOn: [igw] }));
  }

  const routeTables: Record<string, aws.ec2.RouteTable> = {};
  for (const rt of plan.routeTables) {
    const table = new aws.ec2.RouteTable(`${name}-rt-${rt.key}`, { vpcId: vpc.id, tags: nameTags(rt.name, { [SUBNET_TIER_TAG]: rt.tier }) }, child());
    routeTables[rt.key] = table;
    const route = rt.defaultRoute;
    if (route.via !== "none") {
      new aws.ec2.Route(`${name}-rt-${rt.key}-default`, {
        routeTableId: table.id,
        destinationCidrBlock: "0.0.0.0/0",
        ...(route.via === "internet-gateway" ? { gatewayId: igw.id } : { natGatewayId: nats[route.natAzId]!.id }),
      }, child());
    }
    for (const key of rt.subnets) {
      new aws.ec2.RouteTableAssociation(`${name}-rta-${key}`, { routeTableId: table.id, subnetId: subnets[key]!.id }, child());
    }
  }

  for (const e of plan.gatewayEndpoints) {
    new aws.ec2.VpcEndpoint(`${name}-vpce-${e.key}`, {
      vpcId: vpc.id,
      serviceName: e.serviceName,
      vpcEndpointType: "Gateway",
      routeTableIds: plan.gatewayEndpointRouteTables.map((k) => routeTables[k]!.id),
      tags: nameTags(e.name),
    }, child());
  }
  if (plan.interfaceEndpoints.length > 0) buildInterfaceEndpoints(name, plan, vpc, subnets, child);
  if (plan.flowLogs) buildFlowLogs(name, plan, vpc, args.account, child);
  return { vpc, subnets };
}

/** Interface endpoints in the private subnets, reachable on 443 from the VPC range only. */
function buildInterfaceEndpoints(name: string, plan: NetworkPlan, vpc: aws.ec2.Vpc, subnets: Record<string, aws.ec2.Subnet>, child: ChildOptions): void {
  const sgName = `${plan.vpcName}-vpc-endpoints`;
  const sg = new aws.ec2.SecurityGroup(`${name}-vpce-sg`, {
    name: sgName,
    description: "Interface VPC endpoints: HTTPS from inside the VPC only",
    vpcId: vpc.id,
    ingress: [{ description: "HTTPS from the VPC", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [plan.vpcCidr] }],
    egress: [],
    tags: nameTags(sgName),
  }, child());
  const privateSubnetIds = plan.subnets.filter((s) => s.tier === "private").map((s) => subnets[s.key]!.id);
  for (const e of plan.interfaceEndpoints) {
    new aws.ec2.VpcEndpoint(`${name}-vpce-${e.key}`, {
      vpcId: vpc.id,
      serviceName: e.serviceName,
      vpcEndpointType: "Interface",
      privateDnsEnabled: true,
      subnetIds: privateSubnetIds,
      securityGroupIds: [sg.id],
      tags: nameTags(e.name),
    }, child());
  }
}

/** VPC flow logs into a security-tier log group, delivered by a role that may write only there. */
function buildFlowLogs(name: string, plan: NetworkPlan, vpc: aws.ec2.Vpc, account: string, child: ChildOptions): void {
  const fl = plan.flowLogs!;
  const logGroup = buildLogGroup(`${name}-flow-logs`, fl.logGroup, child);
  const { role } = buildRole(`${name}-flow-logs-role`, fl.role, {
    description: `Delivers the VPC flow logs of ${plan.vpcName} to CloudWatch Logs`,
    assumeRolePolicy: serviceTrustPolicy("vpc-flow-logs", account),
  }, child);
  const policy = new aws.iam.RolePolicy(`${name}-flow-logs-policy`, {
    name: "deliver-flow-logs",
    role: role.name,
    policy: policyDocument([
      {
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"],
        Resource: [fl.logGroup.arn, `${fl.logGroup.arn}:*`],
      },
    ]),
  }, child());
  new aws.ec2.FlowLog(`${name}-flow-log`, {
    vpcId: vpc.id,
    trafficType: fl.trafficType,
    logDestinationType: "cloud-watch-logs",
    logDestination: fl.logGroup.arn,
    iamRoleArn: fl.role.arn,
    maxAggregationInterval: 600,
    tags: nameTags(`${plan.vpcName}-flow-log`),
  }, child({ dependsOn: [logGroup, role, policy] }));
}
