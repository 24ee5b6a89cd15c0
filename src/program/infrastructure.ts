/**
 * The AWS side of the platform. SCAFFOLD: replaced by the topology work (issue 3), which builds
 * the Network, Cluster, NodeGroups and Observability components here.
 */
import type * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import type { LoadedEnvironment } from "../values/load";

export interface Infrastructure {
  readonly awsProvider: aws.Provider;
  /** Provider for the cluster's Kubernetes API; workloads are registered through it. */
  readonly k8sProvider: k8s.Provider | undefined;
  /** Stack outputs contributed by the infrastructure. */
  readonly outputs: Record<string, unknown>;
}

export async function buildInfrastructure(env: LoadedEnvironment, awsProvider: aws.Provider): Promise<Infrastructure> {
  void env;
  return { awsProvider, k8sProvider: undefined, outputs: {} };
}
