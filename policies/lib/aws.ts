/**
 * AWS facts the rules share (shared/reference/aws-facts.md): type tokens, tiers, valid values,
 * and how a resource finds the subnets (and so the AZ IDs) it lives in.
 */
import { METRIC_TIERS, RETENTION_TIERS, type MetricTier, type RetentionTier } from "../../src/spec/common";
import type { RuleResource } from "./rule";
import type { StackView } from "./stack";
import { optString, stringList, tagsOf, Unevaluable, quote } from "./values";

export const AWS = {
  vpc: "aws:ec2/vpc:Vpc",
  subnet: "aws:ec2/subnet:Subnet",
  natGateway: "aws:ec2/natGateway:NatGateway",
  securityGroup: "aws:ec2/securityGroup:SecurityGroup",
  securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
  ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
  flowLog: "aws:ec2/flowLog:FlowLog",
  cluster: "aws:eks/cluster:Cluster",
  nodeGroup: "aws:eks/nodeGroup:NodeGroup",
  addon: "aws:eks/addon:Addon",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  compositeAlarm: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
  logMetricFilter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  policy: "aws:iam/policy:Policy",
  userPolicy: "aws:iam/userPolicy:UserPolicy",
  groupPolicy: "aws:iam/groupPolicy:GroupPolicy",
} as const;

export const TAG = {
  tier: "stackplan:tier",
  highResolution: "stackplan:high-resolution",
  dailyIngest: "stackplan:daily-ingest-gib",
  maxPods: "stackplan:max-pods",
} as const;

/** Metric cost tiers and their alarm periods (DESIGN.md). */
export const METRIC_PERIOD: Readonly<Record<MetricTier, number>> = { critical: 60, important: 300, "nice-to-have": 900 };
/** Log retention tiers and their retention in days (DESIGN.md). */
export const TIER_RETENTION: Readonly<Record<RetentionTier, number>> = { security: 365, application: 90, debug: 7 };
/** CloudWatch Logs PutRetentionPolicy values (aws-facts.md §2a); 0 means never expire. */
export const VALID_RETENTION = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
/** AZ IDs where EKS refuses control-plane subnets (aws-facts.md §5c). */
export const EKS_REFUSED_AZ_IDS = ["use1-az3", "usw1-az2", "cac1-az3"] as const;

export function isMetricTier(v: unknown): v is MetricTier {
  return typeof v === "string" && (METRIC_TIERS as readonly string[]).includes(v);
}
export function isRetentionTier(v: unknown): v is RetentionTier {
  return typeof v === "string" && (RETENTION_TIERS as readonly string[]).includes(v);
}

/** The `stackplan:tier` tag, or undefined; `[unknown]` fails closed. */
export function tierTag(r: RuleResource): unknown {
  const tags = tagsOf(r.props);
  const t = tags[TAG.tier];
  if (t === "[unknown]" || t === "[secret]") throw new Unevaluable(`tags.${TAG.tier}`, `the value is ${t}`);
  return t;
}

/** The tier of a custom metric from its filter name `<prefix>/<tier>/<key>`. */
export function filterTier(r: RuleResource): { tier?: string; name: string } {
  const name = optString(r.props, "name") ?? r.name;
  const parts = name.split("/");
  return parts.length >= 3 ? { tier: parts[parts.length - 2]!, name } : { name };
}

/** A subnet's AZ ID; placing by AZ name is not evaluable (names map to different zones per account). */
export function subnetAzId(s: RuleResource): string {
  const id = optString(s.props, "availabilityZoneId");
  if (id !== undefined) return id;
  const name = optString(s.props, "availabilityZone");
  throw new Unevaluable(`subnet ${s.name} availabilityZoneId`, name ? `placed by AZ name ${quote(name)}, not by AZ ID` : "the subnet has no availabilityZoneId");
}

/**
 * The subnets property `prop` of `r` refers to. Subnet ids are `[unknown]` before apply, so
 * the link is the property's dependencies; ids that are known are matched against subnets
 * whose `id` input is set (imported subnets), anything else fails closed.
 */
export function subnetsOf(view: StackView, r: RuleResource, prop: string, path: string): RuleResource[] {
  const subnets = view.referenced(r, prop, AWS.subnet);
  if (subnets.length > 0) return subnets;
  const ids = stringList(r.props, path);
  if (ids.length === 0) throw new Unevaluable(path, "no subnets are given");
  throw new Unevaluable(path, `cannot tell which subnets ${quote(ids)} are: they are not created in this stack`);
}

export function distinctAzIds(subnets: readonly RuleResource[]): string[] {
  return [...new Set(subnets.map(subnetAzId))].sort();
}

/** How many AZ IDs HA needs: 2, 3 in production (DESIGN.md). */
export function azFloor(production: boolean): number {
  return production ? 3 : 2;
}
