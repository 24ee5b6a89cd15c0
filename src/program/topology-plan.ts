/**
 * The AWS topology of an environment as plain data: every planner run on the spec, their
 * problems reported together, each located in the values file that set the value. Nothing here
 * touches Pulumi; `buildInfrastructure` turns the result into components.
 */
import { planCluster, planNodeGroups, type ClusterPlan, type NodeGroupPlan } from "../../components/cluster";
import { planNetwork, type NetworkPlan } from "../../components/network";
import { planObservability, type ObservabilityPlan } from "../../components/observability";
import type { Locate } from "../../components/shared/problems";
import { InputError, type Problem } from "../util/errors";
import { layerLocator, type LoadedEnvironment } from "../values/load";

export interface TopologyPlan {
  readonly network: NetworkPlan;
  readonly cluster: ClusterPlan;
  readonly nodeGroups: readonly NodeGroupPlan[];
  readonly observability: ObservabilityPlan;
}

export function planTopology(env: LoadedEnvironment): TopologyPlan {
  const { spec, facts } = env;
  const locate: Locate = layerLocator(env.layers);
  const problems: Problem[] = [];
  const attempt = <T>(plan: () => T): T | undefined => {
    try {
      return plan();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
      return undefined;
    }
  };
  const base = { region: facts.region, account: facts.account };
  const network = attempt(() => planNetwork({ ...base, network: spec.network, clusterName: spec.cluster.name }, locate));
  const cluster = attempt(() => planCluster({ ...base, cluster: spec.cluster }, locate));
  // Node groups are still checked when the network has problems, only their AZs are not.
  const nodeGroups = attempt(() =>
    planNodeGroups({ ...base, clusterName: spec.cluster.name, vpcCni: spec.cluster.vpcCni, azIds: network?.azIds, nodeGroups: spec.nodeGroups }, locate),
  );
  const observability = attempt(() => planObservability({ ...base, observability: spec.observability, prefix: spec.cluster.name }, locate));
  if (problems.length > 0 || !network || !cluster || !nodeGroups || !observability) {
    throw new InputError(problems, problems.length > 1 ? `${problems.length} problems in the values of ${facts.name}:` : undefined);
  }
  return { network, cluster, nodeGroups, observability };
}
