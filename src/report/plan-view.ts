/**
 * The plan as the map reads it: the policy library's StackView (resources by type, and the
 * resources a property was computed from — ids are `[unknown]` before apply, so links between
 * AWS resources are their property dependencies) plus lenient readers. A report draws what it
 * can: a value it cannot read is left out, never a crash (`check` is where bad values fail).
 */
import { ruleResources } from "../check/plan-resources";
import { AWS } from "../../policies/lib/aws";
import type { RuleResource } from "../../policies/lib/rule";
import { StackView } from "../../policies/lib/stack";
import { isObject } from "../../policies/lib/values";
import type { Plan } from "../plan/types";
import { compareStrings } from "../util/stable-json";
import type { SubnetTier } from "./model";

export const TYPES = {
  ...AWS,
  internetGateway: "aws:ec2/internetGateway:InternetGateway",
  eip: "aws:ec2/eip:Eip",
  routeTable: "aws:ec2/routeTable:RouteTable",
  route: "aws:ec2/route:Route",
  routeTableAssociation: "aws:ec2/routeTableAssociation:RouteTableAssociation",
  vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
  lb: "aws:lb/loadBalancer:LoadBalancer",
  alb: "aws:alb/loadBalancer:LoadBalancer",
  lbListener: "aws:lb/listener:Listener",
  albListener: "aws:alb/listener:Listener",
  ingress: "kubernetes:networking.k8s.io/v1:Ingress",
  ingressClass: "kubernetes:networking.k8s.io/v1:IngressClass",
} as const;

export class PlanView {
  readonly view: StackView;
  readonly plan: Plan;

  constructor(plan: Plan) {
    this.plan = plan;
    this.view = new StackView(ruleResources(plan));
  }

  ofType(...types: string[]): readonly RuleResource[] {
    return this.view.ofType(...types);
  }

  get(urn: string): RuleResource | undefined {
    return this.view.get(urn);
  }

  /** Resources of `types` that property `prop` of `r` came from. */
  refs(r: RuleResource, prop: string, ...types: string[]): RuleResource[] {
    return (r.propertyDependencies[prop] ?? []).map((u) => this.view.get(u)).filter((x): x is RuleResource => x !== undefined && types.includes(x.type));
  }

  /** Resources of `type` whose property `prop` came from `r` (the reverse of refs). */
  referrers(r: RuleResource, prop: string, type: string): RuleResource[] {
    return this.ofType(type).filter((x) => (x.propertyDependencies[prop] ?? []).includes(r.urn));
  }
}

/** A string at a dotted path, or undefined (placeholders count as unknown). */
export function str(root: unknown, path: string): string | undefined {
  const v = at(root, path);
  return typeof v === "string" && v !== "[unknown]" && v !== "[secret]" ? v : undefined;
}

export function num(root: unknown, path: string): number | undefined {
  const v = at(root, path);
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

export function bool(root: unknown, path: string): boolean | undefined {
  const v = at(root, path);
  return typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : undefined;
}

export function list(root: unknown, path: string): unknown[] {
  const v = at(root, path);
  return Array.isArray(v) ? v : [];
}

/** Plain string entries of a map (labels, annotations, tags); anything else is skipped. */
export function strings(root: unknown, path: string): Record<string, string> {
  const v = at(root, path);
  const out: Record<string, string> = {};
  if (isObject(v)) for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
  return out;
}

function at(root: unknown, path: string): unknown {
  let cur = root;
  for (const key of path.split(".")) {
    if (!isObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** The AZ a subnet is in: its AZ ID, else its AZ name (drawn, even though policy rejects it). */
export function subnetAz(s: RuleResource): string {
  return str(s.props, "availabilityZoneId") ?? str(s.props, "availabilityZone") ?? "unknown AZ";
}

/**
 * A subnet's tier: the `stackplan:subnet-tier` tag the network component sets, else the
 * Kubernetes load balancer role tags (`kubernetes.io/role/elb` marks public subnets,
 * `…/internal-elb` private ones: https://docs.aws.amazon.com/eks/latest/userguide/network-load-balancing.html),
 * else `other`.
 */
export function subnetTier(s: RuleResource): SubnetTier {
  const tags = strings(s.props, "tags");
  const t = tags["stackplan:subnet-tier"];
  if (t === "public" || t === "private" || t === "data") return t;
  if (tags["kubernetes.io/role/elb"] !== undefined) return "public";
  if (tags["kubernetes.io/role/internal-elb"] !== undefined) return "private";
  return "other";
}

export const TIER_ORDER: readonly SubnetTier[] = ["public", "private", "data", "other"];

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareStrings);
}

/** An element id: lower-case letters, digits and dashes only (safe in HTML ids and URLs). */
export function slug(...parts: string[]): string {
  return parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
