/**
 * The network planner: from the network spec and the env's facts to plain data describing every
 * subnet, route table, NAT gateway, endpoint and flow log. The Network component only turns this
 * plan into resources.
 */
import type { NetworkSpec } from "../../src/spec/network";
import { endpointServiceName } from "../shared/aws-names";
import { planRole, type RolePlan } from "../shared/iam";
import { Problems, type Locate } from "../shared/problems";
import { planLogGroup, type TieredLogGroup } from "../shared/tiers";
import { resolveAzIds } from "./az-catalogue";
import { allocateSubnets, layoutTiers, type PlannedSubnet, type SubnetTier, type TierBlock } from "./subnets";

export interface NetworkPlanInput {
  readonly network: NetworkSpec;
  readonly region: string;
  readonly account: string;
  /** EKS cluster name: subnets carry `kubernetes.io/cluster/<name>`, physical names start with it. */
  readonly clusterName: string;
}

export interface SubnetPlan extends PlannedSubnet {
  /** Logical-name suffix and route-table key: `private-use1-az1`. */
  readonly key: string;
  /** Physical name (the `Name` tag). */
  readonly name: string;
  /** Tags the load balancer controller and EKS look for. */
  readonly kubernetesTags: Readonly<Record<string, string>>;
}

/** Where a route table sends 0.0.0.0/0. */
export type DefaultRoute = { readonly via: "internet-gateway" } | { readonly via: "nat"; readonly natAzId: string } | { readonly via: "none" };

export interface RouteTablePlan {
  /** `public`, `private-<azId>`, `data`. */
  readonly key: string;
  readonly tier: SubnetTier;
  readonly name: string;
  readonly defaultRoute: DefaultRoute;
  /** Keys of the subnets associated with it. */
  readonly subnets: readonly string[];
}

export interface NatGatewayPlan {
  readonly azId: string;
  /** Key of the public subnet it sits in. */
  readonly subnet: string;
  readonly name: string;
}

export interface EndpointPlan {
  /** Service suffix as the spec names it: `s3`, `ecr.api`. */
  readonly service: string;
  readonly serviceName: string;
  /** Logical-name suffix: `s3`, `ecr-api`. */
  readonly key: string;
  readonly name: string;
}

export interface FlowLogPlan {
  /** Security tier. */
  readonly logGroup: TieredLogGroup;
  /** Assumed by the flow-logs service; may write to the log group only. */
  readonly role: RolePlan;
  readonly trafficType: "ALL" | "ACCEPT" | "REJECT";
}

export interface NetworkPlan {
  readonly vpcCidr: string;
  readonly vpcName: string;
  /** AZ IDs in slot order. */
  readonly azIds: readonly string[];
  readonly tiers: readonly TierBlock[];
  readonly subnets: readonly SubnetPlan[];
  readonly natStrategy: NetworkSpec["nat"];
  readonly natGateways: readonly NatGatewayPlan[];
  readonly routeTables: readonly RouteTablePlan[];
  /** Gateway endpoints are attached to these route tables (private and data tiers). */
  readonly gatewayEndpointRouteTables: readonly string[];
  readonly gatewayEndpoints: readonly EndpointPlan[];
  readonly interfaceEndpoints: readonly EndpointPlan[];
  readonly flowLogs?: FlowLogPlan;
}

const endpointKey = (service: string) => service.replace(/\./g, "-");

export function planNetwork(input: NetworkPlanInput, locate?: Locate): NetworkPlan {
  const { network, region, account, clusterName } = input;
  const azIds = resolveAzIds(region, { azIds: network.azIds, azCount: network.azCount }, locate);
  const layout = {
    vpcCidr: network.vpcCidr,
    azSlots: network.azSlots,
    prefixLength: {
      private: network.subnets.private.prefixLength,
      public: network.subnets.public.prefixLength,
      data: network.subnets.data.prefixLength,
    },
  };
  const tiers = layoutTiers(layout, locate);
  const subnets: SubnetPlan[] = allocateSubnets(layout, azIds, locate).map((s) => {
    const key = `${s.tier}-${s.azId}`;
    return { ...s, key, name: `${clusterName}-${key}`, kubernetesTags: kubernetesSubnetTags(s.tier, clusterName) };
  });
  const subnetKeys = (tier: SubnetTier) => subnets.filter((s) => s.tier === tier).map((s) => s.key);

  const natAzIds = network.nat === "perAz" ? azIds : network.nat === "single" ? azIds.slice(0, 1) : [];
  const natGateways = natAzIds.map((azId) => ({ azId, subnet: `public-${azId}`, name: `${clusterName}-nat-${azId}` }));

  const routeTables: RouteTablePlan[] = [
    { key: "public", tier: "public", name: `${clusterName}-public`, defaultRoute: { via: "internet-gateway" }, subnets: subnetKeys("public") },
    ...azIds.map(
      (azId): RouteTablePlan => ({
        key: `private-${azId}`,
        tier: "private",
        name: `${clusterName}-private-${azId}`,
        defaultRoute: natGateways.length === 0 ? { via: "none" } : { via: "nat", natAzId: natAzIds.includes(azId) ? azId : natAzIds[0]! },
        subnets: [`private-${azId}`],
      }),
    ),
    // The data tier never reaches the internet: no default route at all.
    { key: "data", tier: "data", name: `${clusterName}-data`, defaultRoute: { via: "none" }, subnets: subnetKeys("data") },
  ];

  const endpoint = (service: string): EndpointPlan => ({
    service,
    serviceName: endpointServiceName(region, service),
    key: endpointKey(service),
    name: `${clusterName}-${endpointKey(service)}`,
  });

  const problems = new Problems(locate);
  const flowLogs: FlowLogPlan | undefined = network.flowLogs.enabled
    ? {
        logGroup: planLogGroup(region, account, "flow-logs", `/aws/vpc-flow-logs/${clusterName}`, "security"),
        role: planRole({ region, account, name: `${clusterName}-vpc-flow-logs` }, problems, ["cluster", "name"], "cluster.name"),
        trafficType: network.flowLogs.trafficType,
      }
    : undefined;
  problems.throwIfAny("network");
  return {
    vpcCidr: network.vpcCidr,
    vpcName: clusterName,
    azIds,
    tiers,
    subnets,
    natStrategy: network.nat,
    natGateways,
    routeTables,
    gatewayEndpointRouteTables: routeTables.filter((rt) => rt.tier !== "public").map((rt) => rt.key),
    gatewayEndpoints: [...new Set(network.endpoints.gateway)].map(endpoint),
    interfaceEndpoints: [...new Set(network.endpoints.interface)].map(endpoint),
    ...(flowLogs ? { flowLogs } : {}),
  };
}

/**
 * Subnet discovery tags of EKS and the AWS Load Balancer Controller: internet-facing load
 * balancers go to `kubernetes.io/role/elb` subnets, internal ones to `…/internal-elb`. The data
 * tier carries neither: nothing Kubernetes makes belongs there.
 */
export function kubernetesSubnetTags(tier: SubnetTier, clusterName: string): Record<string, string> {
  if (tier === "data") return {};
  return {
    [`kubernetes.io/cluster/${clusterName}`]: "shared",
    [tier === "public" ? "kubernetes.io/role/elb" : "kubernetes.io/role/internal-elb"]: "1",
  };
}
