/**
 * The AWS side of the platform: the Network, Cluster (with its NodeGroups and add-ons) and
 * Observability components, built from the planners' output. The Infrastructure interface is
 * the contract the workloads rely on.
 */
import type * as aws from "../../components/shared/aws";
import type * as k8s from "../../components/shared/k8s";
import type * as pulumi from "@pulumi/pulumi";
import { Cluster } from "../../components/cluster/cluster";
import { Network } from "../../components/network/network";
import { Observability } from "../../components/observability/observability";
import type { NodeGroupSpec } from "../spec/node-groups";
import type { LoadedEnvironment } from "../values/load";
import { yieldToRuntime } from "./platform";
import { planTopology, type TopologyPlan } from "./topology-plan";

export interface ClusterHandle {
  /** EKS cluster name, known before apply (from the spec). */
  readonly name: string;
  /** ARN of the IAM OIDC provider for IRSA (unknown before apply). */
  readonly oidcProviderArn: pulumi.Output<string>;
  /** OIDC issuer host and path, without `https://` (unknown before apply). */
  readonly oidcIssuer: pulumi.Output<string>;
}

/** What workloads need to know of a node group: where pods land and how many fit. */
export interface NodeGroupHandle {
  readonly key: string;
  /** Node labels; `stackplan.dev/node-group: <key>` is always there (use it as nodeSelector). */
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: NodeGroupSpec["taints"];
  /** Pods per node the kubelet allows. */
  readonly maxPods: number;
  readonly minSize: number;
  readonly maxSize: number;
  readonly instanceTypes: readonly string[];
  readonly capacityType: "ON_DEMAND" | "SPOT";
  readonly azIds: readonly string[];
}

export interface Infrastructure {
  readonly awsProvider: aws.Provider;
  /** Provider for the cluster's Kubernetes API; workloads are registered through it. */
  readonly k8sProvider: k8s.Provider;
  readonly cluster: ClusterHandle;
  /** The VPC's IPv4 range (NetworkPolicies admit load balancer traffic from it). */
  readonly vpcCidr: string;
  /** The AZ IDs the network and cluster span, in slot order. */
  readonly azIds: readonly string[];
  /** Node groups by key. */
  readonly nodeGroups: Readonly<Record<string, NodeGroupHandle>>;
  /** SNS topic every alarm notifies (knowable before apply). */
  readonly alarmTopicArn: string;
  /** Stack outputs contributed by the infrastructure. */
  readonly outputs: Record<string, unknown>;
}

export async function buildInfrastructure(env: LoadedEnvironment, awsProvider: aws.Provider): Promise<Infrastructure> {
  const plan: TopologyPlan = planTopology(env);
  const { facts } = env;
  // Component names are the platform name: logical names (and URNs) stay the same in every env,
  // so env-to-env diffs line up; physical names carry the cluster name, which has the env in it.
  const name = env.spec.platform.name;

  const network = new Network(name, { plan: plan.network, provider: awsProvider, account: facts.account });
  await yieldToRuntime();
  const privateSubnetIds = Object.fromEntries(plan.network.subnets.filter((s) => s.tier === "private").map((s) => [s.key, network.subnets[s.key]!.id]));
  const cluster = new Cluster(name, { plan: plan.cluster, nodeGroups: plan.nodeGroups, privateSubnetIds, provider: awsProvider });
  await yieldToRuntime();
  const observability = new Observability(name, { plan: plan.observability, provider: awsProvider, region: facts.region, account: facts.account });
  await yieldToRuntime();

  const nodeGroups = Object.fromEntries(
    plan.nodeGroups.map((g): [string, NodeGroupHandle] => [
      g.key,
      {
        key: g.key,
        labels: g.labels,
        taints: g.taints,
        maxPods: g.maxPods,
        minSize: g.scaling.minSize,
        maxSize: g.scaling.maxSize,
        instanceTypes: g.instanceTypes,
        capacityType: g.capacityType,
        azIds: g.azIds,
      },
    ]),
  );
  return {
    awsProvider,
    k8sProvider: cluster.k8sProvider,
    cluster: { name: plan.cluster.name, oidcProviderArn: cluster.oidcProviderArn, oidcIssuer: cluster.oidcIssuer },
    vpcCidr: plan.network.vpcCidr,
    azIds: plan.network.azIds,
    nodeGroups,
    alarmTopicArn: observability.alarmTopicArn,
    outputs: {
      vpcId: network.vpcId,
      vpcCidr: plan.network.vpcCidr,
      azIds: plan.network.azIds,
      publicSubnetIds: network.subnetIds.public,
      privateSubnetIds: network.subnetIds.private,
      dataSubnetIds: network.subnetIds.data,
      clusterName: plan.cluster.name,
      clusterVersion: plan.cluster.version,
      clusterEndpoint: cluster.endpoint,
      oidcProviderArn: cluster.oidcProviderArn,
      nodeGroupMaxPods: Object.fromEntries(plan.nodeGroups.map((g) => [g.key, g.maxPods])),
      alarmTopicArn: observability.alarmTopicArn,
    },
  };
}
