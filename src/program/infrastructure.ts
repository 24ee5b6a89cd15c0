/**
 * The AWS side of the platform. SCAFFOLD: the topology work (issue 3) replaces the body of
 * buildInfrastructure with the Network, Cluster, NodeGroup and Observability components; the
 * Infrastructure interface is the contract the workloads rely on.
 */
import type * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { LoadedEnvironment } from "../values/load";

export interface ClusterHandle {
  /** EKS cluster name, known before apply (from the spec). */
  readonly name: string;
  /** ARN of the IAM OIDC provider for IRSA (unknown before apply). */
  readonly oidcProviderArn: pulumi.Output<string>;
  /** OIDC issuer host and path, without `https://` (unknown before apply). */
  readonly oidcIssuer: pulumi.Output<string>;
}

export interface Infrastructure {
  readonly awsProvider: aws.Provider;
  /** Provider for the cluster's Kubernetes API; workloads are registered through it. */
  readonly k8sProvider: k8s.Provider;
  readonly cluster: ClusterHandle;
  /** The VPC's IPv4 range (NetworkPolicies admit load balancer traffic from it). */
  readonly vpcCidr: string;
  /** Stack outputs contributed by the infrastructure. */
  readonly outputs: Record<string, unknown>;
}

export async function buildInfrastructure(env: LoadedEnvironment, awsProvider: aws.Provider): Promise<Infrastructure> {
  throw new Error(`buildInfrastructure is not implemented yet (env ${env.facts.name}, provider ${String(awsProvider)})`);
}
