/**
 * Runs the workloads part of the program offline for one env of the example platform, with a
 * fake Infrastructure (real providers, known OIDC values). One env per test file: the Pulumi
 * runtime is a process-wide singleton.
 */
import * as path from "node:path";
import { installMocks, settle, type MockSession } from "../../src/plan/mock-runtime";
import { planResources } from "../../src/plan/plan-resources";
import type { PlanResource } from "../../src/plan/types";
import { loadProject } from "../../src/project/project";
import { loadEnvironment, type LoadedEnvironment } from "../../src/values/load";
import type { Infrastructure } from "../../src/program/infrastructure";

export const ROOT = path.resolve(__dirname, "../..");
export const OIDC_ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

export interface Harness {
  readonly session: MockSession;
  readonly env: LoadedEnvironment;
  readonly infra: Infrastructure;
  /** Settle the runtime and build the plan resources. */
  resources(): Promise<PlanResource[]>;
}

export async function harness(stack: string, config: Record<string, string> = {}, secretKeys: string[] = []): Promise<Harness> {
  const session = await installMocks({ project: "shop-platform", stack, config, secretKeys });
  const env = loadEnvironment(loadProject(ROOT), stack);
  const aws = await import("@pulumi/aws");
  const k8s = await import("@pulumi/kubernetes");
  const pulumi = await import("@pulumi/pulumi");
  const infra: Infrastructure = {
    awsProvider: new aws.Provider("aws", { region: "us-east-1" }),
    k8sProvider: new k8s.Provider("eks", { enableServerSideApply: true }),
    cluster: {
      name: env.spec.cluster.name,
      oidcProviderArn: pulumi.output(`arn:aws:iam::${env.facts.account}:oidc-provider/${OIDC_ISSUER}`),
      oidcIssuer: pulumi.output(OIDC_ISSUER),
    },
    vpcCidr: env.spec.network.vpcCidr,
    azIds: env.spec.network.azIds ?? ["use1-az1", "use1-az2"],
    nodeGroups: Object.fromEntries(
      Object.entries(env.spec.nodeGroups).map(([key, g]) => [
        key,
        {
          key,
          labels: { ...g.labels, "stackplan.dev/node-group": key },
          taints: g.taints,
          maxPods: g.maxPods ?? 29,
          minSize: g.minSize,
          maxSize: g.maxSize,
          instanceTypes: g.instanceTypes,
          capacityType: g.capacityType,
          azIds: g.azIds ?? env.spec.network.azIds ?? ["use1-az1", "use1-az2"],
        },
      ]),
    ),
    alarmTopicArn: `arn:aws:sns:us-east-1:${env.facts.account}:${env.spec.cluster.name}-alarms`,
    outputs: {},
  };
  return {
    session,
    env,
    infra,
    async resources() {
      await settle();
      return planResources(session);
    },
  };
}

/** `<type> <name>` of the resources whose parent is `parentUrn`, sorted. */
export function childrenOf(resources: readonly PlanResource[], parentUrn: string): string[] {
  return resources.filter((r) => r.parent === parentUrn).map((r) => `${r.type} ${r.name}`).sort();
}

/** Resource count per type. */
export function countByType(resources: readonly PlanResource[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of resources) out[r.type] = (out[r.type] ?? 0) + 1;
  return out;
}

/** The resources the example platform's workloads make in every env (prod adds its HPAs). */
export const EXAMPLE_RESOURCE_COUNTS: Readonly<Record<string, number>> = {
  "pulumi:pulumi:Stack": 1,
  "pulumi:providers:aws": 1,
  "pulumi:providers:kubernetes": 1,
  "stackplan:workload:ClusterScoped": 1,
  "stackplan:workload:Namespace": 1,
  "stackplan:workload:Service": 10,
  "kubernetes:core/v1:Namespace": 1,
  "kubernetes:core/v1:ResourceQuota": 1,
  "kubernetes:core/v1:LimitRange": 1,
  "kubernetes:scheduling.k8s.io/v1:PriorityClass": 2,
  "kubernetes:networking.k8s.io/v1:NetworkPolicy": 12,
  "kubernetes:core/v1:ServiceAccount": 10,
  "kubernetes:apps/v1:Deployment": 10,
  "kubernetes:core/v1:Service": 9,
  "kubernetes:networking.k8s.io/v1:Ingress": 2,
  "kubernetes:policy/v1:PodDisruptionBudget": 10,
  "aws:iam/role:Role": 6,
  "aws:iam/rolePolicy:RolePolicy": 6,
};
