/**
 * The network part of the map, read from the plan's resources (never from names): the VPC, one
 * column per AZ with its subnets by tier, the NAT gateways in them and where each subnet's
 * default route goes, and the VPC endpoints.
 *
 * AWS facts relied on:
 * - a route table applies to the subnets associated with it; a NAT gateway lives in the subnet
 *   it names and serves the subnets whose route tables send 0.0.0.0/0 to it
 *   (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-scenarios.html);
 * - a gateway endpoint (S3, DynamoDB) is a target in the route tables it names; an interface
 *   endpoint puts one ENI in each subnet it names
 *   (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html,
 *   https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html).
 */
import type { RuleResource } from "../../policies/lib/rule";
import { compareStrings } from "../util/stable-json";
import type { AzView, EndpointView, MapElement, MapView, NatView, SubnetTier, SubnetView } from "./model";
import { PlanView, slug, sortedUnique, str, subnetAz, subnetTier, TIER_ORDER, TYPES } from "./plan-view";

const BARE: Pick<MapElement, "findings"> = { findings: 0 };

type NetworkParts = Pick<MapView, "vpc" | "internetGateway" | "azs" | "endpoints">;

export function networkOf(p: PlanView): NetworkParts {
  const subnets = p.ofType(TYPES.subnet);
  const tables = routeTables(p);
  const natServes = new Map<string, string[]>();
  for (const s of subnets) {
    const target = tables.defaultTargetOf(s);
    if (target?.type === TYPES.natGateway) natServes.set(target.urn, [...(natServes.get(target.urn) ?? []), subnetAz(s)]);
  }
  const natsBySubnet = new Map<string, RuleResource[]>();
  for (const n of p.ofType(TYPES.natGateway)) {
    const home = p.refs(n, "subnetId", TYPES.subnet)[0];
    if (home) natsBySubnet.set(home.urn, [...(natsBySubnet.get(home.urn) ?? []), n]);
  }
  const natView = (n: RuleResource): NatView => ({
    ...BARE,
    id: slug("nat", n.name),
    label: `NAT gateway ${n.name}`,
    urns: [n.urn, ...p.refs(n, "allocationId", TYPES.eip).map((e) => e.urn)],
    name: n.name,
    connectivity: str(n.props, "connectivityType") ?? "public",
    serves: sortedUnique(natServes.get(n.urn) ?? []),
  });
  const subnetView = (s: RuleResource): SubnetView => {
    const target = tables.defaultTargetOf(s);
    return {
      ...BARE,
      id: slug("subnet", s.name),
      label: `subnet ${s.name}`,
      urns: [s.urn, ...tables.urnsOf(s)],
      name: s.name,
      tier: tierOf(s, target),
      cidr: str(s.props, "cidrBlock") ?? "?",
      ...(target ? { defaultRoute: routeText(target) } : {}),
      nats: (natsBySubnet.get(s.urn) ?? []).map(natView),
    };
  };
  const byAz = new Map<string, RuleResource[]>();
  for (const s of subnets) byAz.set(subnetAz(s), [...(byAz.get(subnetAz(s)) ?? []), s]);
  const azs: AzView[] = [...byAz.keys()].sort(compareStrings).map((azId) => ({
    ...BARE,
    id: slug("az", azId),
    label: `availability zone ${azId}`,
    urns: [],
    azId,
    subnets: byAz
      .get(azId)!
      .map(subnetView)
      .sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) || compareStrings(a.name, b.name)),
  }));
  const vpc = p.ofType(TYPES.vpc)[0];
  const igw = p.ofType(TYPES.internetGateway)[0];
  return {
    ...(vpc ? { vpc: { ...BARE, id: slug("vpc", vpc.name), label: `VPC ${vpc.name}`, urns: [vpc.urn], name: str(vpc.props, "tags.Name") ?? vpc.name, cidr: str(vpc.props, "cidrBlock") ?? "?" } } : {}),
    ...(igw ? { internetGateway: { ...BARE, id: slug("igw", igw.name), label: `internet gateway ${igw.name}`, urns: [igw.urn], name: igw.name } } : {}),
    azs,
    endpoints: endpointsOf(p, tables).sort((a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.service, b.service) || compareStrings(a.id, b.id)),
  };
}

/** The tag when there is one; else the default route tells public (internet gateway) from private (NAT). */
function tierOf(s: RuleResource, target: RuleResource | undefined): SubnetTier {
  const tagged = subnetTier(s);
  if (tagged !== "other") return tagged;
  if (target?.type === TYPES.internetGateway) return "public";
  if (target?.type === TYPES.natGateway) return "private";
  return "other";
}

function routeText(target: RuleResource): string {
  if (target.type === TYPES.natGateway) return `NAT gateway ${target.name}`;
  if (target.type === TYPES.internetGateway) return "internet gateway";
  return `${target.type.split(":").pop()} ${target.name}`;
}

interface RouteTables {
  /** Where the subnet's 0.0.0.0/0 goes (a NAT gateway, an internet gateway, …). */
  defaultTargetOf(subnet: RuleResource): RuleResource | undefined;
  /** The route table, its routes and the association that apply to the subnet. */
  urnsOf(subnet: RuleResource): string[];
  /** The subnets a route table applies to. */
  subnetsOf(table: RuleResource): RuleResource[];
}

function routeTables(p: PlanView): RouteTables {
  const tableOf = new Map<string, { table: RuleResource; association: RuleResource }>();
  for (const a of p.ofType(TYPES.routeTableAssociation)) {
    const table = p.refs(a, "routeTableId", TYPES.routeTable)[0];
    const subnet = p.refs(a, "subnetId", TYPES.subnet)[0];
    if (table && subnet) tableOf.set(subnet.urn, { table, association: a });
  }
  const routesOf = new Map<string, RuleResource[]>();
  for (const r of p.ofType(TYPES.route)) {
    const table = p.refs(r, "routeTableId", TYPES.routeTable)[0];
    if (table) routesOf.set(table.urn, [...(routesOf.get(table.urn) ?? []), r]);
  }
  const targets = [TYPES.natGateway, TYPES.internetGateway];
  const defaultTarget = (table: RuleResource): RuleResource | undefined => {
    for (const r of routesOf.get(table.urn) ?? []) {
      if (str(r.props, "destinationCidrBlock") !== "0.0.0.0/0") continue;
      const t = [...p.refs(r, "natGatewayId", ...targets), ...p.refs(r, "gatewayId", ...targets)][0];
      if (t) return t;
    }
    // Inline routes (`routes` of the table): the dependencies say which gateways they use.
    return p.refs(table, "routes", ...targets)[0];
  };
  return {
    defaultTargetOf: (s) => {
      const t = tableOf.get(s.urn);
      return t ? defaultTarget(t.table) : undefined;
    },
    urnsOf: (s) => {
      const t = tableOf.get(s.urn);
      return t ? [t.association.urn, t.table.urn, ...(routesOf.get(t.table.urn) ?? []).map((r) => r.urn)] : [];
    },
    subnetsOf: (table) => [...tableOf.entries()].filter(([, t]) => t.table.urn === table.urn).map(([urn]) => p.get(urn)!),
  };
}

function endpointsOf(p: PlanView, tables: RouteTables): EndpointView[] {
  return p.ofType(TYPES.vpcEndpoint).map((e) => {
    const kind = str(e.props, "vpcEndpointType") === "Interface" ? "Interface" : "Gateway";
    const subnets = kind === "Interface" ? p.refs(e, "subnetIds", TYPES.subnet) : p.refs(e, "routeTableIds", TYPES.routeTable).flatMap((t) => tables.subnetsOf(t));
    const service = (str(e.props, "serviceName") ?? e.name).replace(/^com\.amazonaws\.[a-z0-9-]+\./, "");
    return {
      ...BARE,
      id: slug("vpce", e.name),
      label: `${kind.toLowerCase()} endpoint ${service}`,
      urns: [e.urn],
      name: e.name,
      service,
      kind,
      azIds: kind === "Interface" ? sortedUnique(subnets.map(subnetAz)) : [],
      tiers: TIER_ORDER.filter((t) => subnets.some((s) => subnetTier(s) === t)),
    };
  });
}
