/**
 * What the workload planner needs besides a service's own spec: names of the platform and the
 * cluster, the account and region (IAM role ARNs are derived offline), the VPC range (load
 * balancers reach pods from it) and the other services (callers and callees of NetworkPolicies).
 */
import type { EnvironmentSpec, ResolvedService } from "../../src/spec/schema";
import type { NodeGroupSpec } from "../../src/spec/node-groups";

export interface WorkloadContext {
  /** `platform.name`: the `app.kubernetes.io/part-of` label, the ALB group. */
  readonly platform: string;
  /** EKS cluster name: IRSA role names are `<cluster>-<service>`. */
  readonly clusterName: string;
  readonly account: string;
  readonly region: string;
  /** The VPC's IPv4 range: NLB/ALB targets (pod IPs) are reached from it. */
  readonly vpcCidr: string;
  readonly nodeGroups: Readonly<Record<string, NodeGroupSpec>>;
  /** Every service of the env by name, namespaces resolved. */
  readonly services: Readonly<Record<string, ResolvedService>>;
}

export function workloadContext(spec: EnvironmentSpec, facts: { readonly account: string; readonly region: string }, vpcCidr: string): WorkloadContext {
  return {
    platform: spec.platform.name,
    clusterName: spec.cluster.name,
    account: facts.account,
    region: facts.region,
    vpcCidr,
    nodeGroups: spec.nodeGroups,
    services: spec.services,
  };
}

