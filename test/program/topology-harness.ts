/**
 * Runs `buildInfrastructure` for one env of the example platform under the offline mocks and
 * returns the recorded plan resources with lookup helpers. One env per test file: the Pulumi
 * runtime is per process and vitest runs each file in its own fork.
 */
import * as path from "node:path";
import { installMocks, settle } from "../../src/plan/mock-runtime";
import { planResources } from "../../src/plan/plan-resources";
import type { PlanResource } from "../../src/plan/types";
import type { Infrastructure } from "../../src/program/infrastructure";

export const ROOT = path.resolve(__dirname, "../..");
export const AWS_PROVIDER_URN = (stack: string) => `urn:pulumi:${stack}::shop-platform::pulumi:providers:aws::aws`;

/**
 * Resources every env of the example platform has, whatever its AZ count: the cluster with two
 * node groups and five add-ons, observability, the VPC's fixed parts, the stack and providers.
 */
export const COMMON_COUNTS: Readonly<Record<string, number>> = {
  "aws:cloudwatch/compositeAlarm:CompositeAlarm": 1,
  "aws:cloudwatch/logGroup:LogGroup": 9,
  "aws:cloudwatch/logMetricFilter:LogMetricFilter": 2,
  "aws:cloudwatch/metricAlarm:MetricAlarm": 5,
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": 1,
  "aws:ec2/flowLog:FlowLog": 1,
  "aws:ec2/internetGateway:InternetGateway": 1,
  "aws:ec2/launchTemplate:LaunchTemplate": 2,
  "aws:ec2/securityGroup:SecurityGroup": 1,
  "aws:ec2/vpc:Vpc": 1,
  "aws:eks/addon:Addon": 5,
  "aws:eks/cluster:Cluster": 1,
  "aws:eks/nodeGroup:NodeGroup": 2,
  "aws:iam/openIdConnectProvider:OpenIdConnectProvider": 1,
  "aws:iam/role:Role": 6,
  "aws:iam/rolePolicy:RolePolicy": 1,
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": 12,
  "aws:kms/alias:Alias": 2,
  "aws:kms/key:Key": 2,
  "aws:sns/topic:Topic": 1,
  "aws:sns/topicSubscription:TopicSubscription": 1,
  "pulumi:providers:aws": 1,
  "pulumi:providers:kubernetes": 1,
  "pulumi:pulumi:Stack": 1,
  "stackplan:cluster:Cluster": 1,
  "stackplan:cluster:NodeGroup": 2,
  "stackplan:network:Network": 1,
  "stackplan:observability:Observability": 1,
};

export interface RenderedTopology {
  readonly resources: PlanResource[];
  readonly infra: Infrastructure;
  /** Milliseconds from installing the mocks to the settled plan. */
  readonly elapsedMs: number;
  byName(name: string, type?: string): PlanResource;
  ofType(type: string): PlanResource[];
  urnOf(name: string, type?: string): string;
  countByType(): Record<string, number>;
}

export async function renderTopology(env: string): Promise<RenderedTopology> {
  const started = performance.now();
  const session = await installMocks({ project: "shop-platform", stack: env, fast: true });
  const aws = await import("@pulumi/aws");
  const { loadProject } = await import("../../src/project/project");
  const { loadEnvironment } = await import("../../src/values/load");
  const { buildInfrastructure } = await import("../../src/program/infrastructure");
  const loaded = loadEnvironment(loadProject(ROOT), env);
  const provider = new aws.Provider("aws", { region: loaded.facts.region as never, allowedAccountIds: [loaded.facts.account] });
  const infra = await buildInfrastructure(loaded, provider);
  await settle();
  const resources = planResources(session);
  const elapsedMs = performance.now() - started;

  const find = (name: string, type?: string) => {
    const hits = resources.filter((r) => r.name === name && (type === undefined || r.type === type));
    if (hits.length !== 1) throw new Error(`expected one resource named ${name}${type ? ` of type ${type}` : ""}, found ${hits.length}`);
    return hits[0]!;
  };
  return {
    resources,
    infra,
    elapsedMs,
    byName: find,
    ofType: (type) => resources.filter((r) => r.type === type),
    urnOf: (name, type) => find(name, type).urn,
    countByType: () => {
      const counts: Record<string, number> = {};
      for (const r of resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
      return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
    },
  };
}

/** The launch template's user data, decoded. */
export function decodeUserData(r: PlanResource): string {
  return Buffer.from(String(r.inputs.userData), "base64").toString("utf8");
}
