/**
 * The node-group planner: instance types → architecture and AMI type, max pods (min over the
 * group's types), AZ placement over the private tier, labels, taints, IAM role and launch
 * template names. Pure; the NodeGroup component only builds what it returns.
 */
import type { ClusterSpec } from "../../src/spec/cluster";
import type { NodeGroupSpec } from "../../src/spec/node-groups";
import { planRole, type RolePlan } from "../shared/iam";
import { Problems, type Locate } from "../shared/problems";
import { NODE_GROUP_LABEL } from "../shared/tags";
import { instanceType, KNOWN_FAMILIES, suggestInstanceType, type Architecture } from "./instance-types";
import { computeMaxPods, type MaxPodsResult } from "./max-pods";
import { nodeUserData } from "./user-data";

/** AL2023 EKS-optimized AMI type per architecture. */
export const AMI_TYPES: Readonly<Record<Architecture, string>> = {
  x86_64: "AL2023_x86_64_STANDARD",
  arm64: "AL2023_ARM_64_STANDARD",
};

/** Managed policies every EKS node needs (join, CNI, image pulls, SSM instead of SSH). */
export const NODE_MANAGED_POLICIES = [
  "AmazonEKSWorkerNodePolicy",
  "AmazonEKS_CNI_Policy",
  "AmazonEC2ContainerRegistryReadOnly",
  "AmazonSSMManagedInstanceCore",
] as const;

export interface NodeGroupPlanInput {
  readonly clusterName: string;
  readonly region: string;
  readonly account: string;
  readonly vpcCni: ClusterSpec["vpcCni"];
  /** The network's AZ IDs, in slot order; undefined when the network has problems of its own (AZ checks are skipped). */
  readonly azIds: readonly string[] | undefined;
  readonly nodeGroups: Readonly<Record<string, NodeGroupSpec>>;
}

export interface NodeGroupPlan {
  readonly key: string;
  /** EKS node group name (unique within the cluster). */
  readonly nodeGroupName: string;
  /** The nodes' role, `<cluster>-ng-<key>`, with the managed policies nodes need. */
  readonly role: RolePlan;
  readonly launchTemplateName: string;
  readonly instanceTypes: readonly string[];
  readonly capacityType: "ON_DEMAND" | "SPOT";
  readonly architecture: Architecture;
  readonly amiType: string;
  readonly scaling: { readonly minSize: number; readonly maxSize: number; readonly desiredSize: number };
  readonly diskSizeGiB: number;
  /** Node labels, always with `stackplan.dev/node-group: <key>`. */
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: NodeGroupSpec["taints"];
  readonly azIds: readonly string[];
  /** Keys of the private subnets the group spans (`private-<azId>`). */
  readonly subnetKeys: readonly string[];
  /** What the kubelet is configured with. */
  readonly maxPods: number;
  /** `spec` when the node group sets maxPods, else `computed` (min over its instance types). */
  readonly maxPodsSource: "spec" | "computed";
  /** Per known instance type, how its max pods were computed. */
  readonly maxPodsByType: Readonly<Record<string, MaxPodsResult>>;
  /** Plain MIME user data (NodeConfig). */
  readonly userData: string;
}

/** Architecture of a type stackplan does not know, from its family name (Graviton families carry a `g`). */
export function guessArchitecture(type: string): Architecture {
  const family = type.split(".")[0]!;
  return /^a1$|^[a-z]+\d+[a-z]*g[a-z]*$/.test(family) ? "arm64" : "x86_64";
}

export function planNodeGroups(input: NodeGroupPlanInput, locate?: Locate): NodeGroupPlan[] {
  const problems = new Problems(locate);
  const plans: NodeGroupPlan[] = [];
  for (const [key, g] of Object.entries(input.nodeGroups)) {
    const at = (...rest: (string | number)[]) => ["nodeGroups", key, ...rest];
    const byType: Record<string, MaxPodsResult> = {};
    const archs = new Map<Architecture, string[]>();
    g.instanceTypes.forEach((type, i) => {
      const info = instanceType(type);
      const arch = info?.architecture ?? guessArchitecture(type);
      archs.set(arch, [...(archs.get(arch) ?? []), type]);
      if (info) byType[type] = computeMaxPods(info, input.vpcCni);
      else if (g.maxPods === undefined) {
        const hint = suggestInstanceType(type);
        problems.add(
          at("instanceTypes", i),
          `unknown instance type ${JSON.stringify(type)}${hint ? ` (did you mean ${hint}?)` : ""}: stackplan knows the ${KNOWN_FAMILIES.join(", ")} families; ` +
            `set nodeGroups.${key}.maxPods to use it`,
        );
      }
    });
    if (archs.size > 1) {
      const mix = [...archs].map(([a, types]) => `${a} (${types.join(", ")})`).join(" and ");
      problems.add(at("instanceTypes"), `mixes architectures ${mix}; a node group has one AMI type, split it into two groups`);
    }
    const computed = Object.values(byType).map((r) => r.maxPods);
    const ceiling = computed.length ? Math.min(...computed) : undefined;
    if (g.maxPods !== undefined && ceiling !== undefined && g.maxPods > ceiling) {
      const worst = Object.values(byType).find((r) => r.maxPods === ceiling)!;
      problems.add(
        at("maxPods"),
        `maxPods ${g.maxPods} is above what ${worst.instanceType} allows (${ceiling}: ${worst.arithmetic} = ${worst.uncapped}, EKS cap ${worst.cap}); pods beyond it get no IP`,
      );
    }
    const networkAzIds = input.azIds ?? [];
    const azIds = g.azIds ?? networkAzIds;
    g.azIds?.forEach((az, i) => {
      if (input.azIds && !input.azIds.includes(az)) problems.add(at("azIds", i), `AZ ID ${JSON.stringify(az)} is not one of the network's AZ IDs (${input.azIds.join(", ")})`);
    });
    const ownLabel = g.labels[NODE_GROUP_LABEL];
    if (ownLabel !== undefined && ownLabel !== key) {
      problems.add(at("labels", NODE_GROUP_LABEL), `the label ${NODE_GROUP_LABEL} is set by stackplan to the node group key ${JSON.stringify(key)}; remove it`);
    }
    const roleName = `${input.clusterName}-ng-${key}`;
    const role = planRole(
      { region: input.region, account: input.account, name: roleName, managedPolicies: NODE_MANAGED_POLICIES },
      problems,
      at(),
      "the node group key or cluster.name",
    );
    const maxPods = g.maxPods ?? ceiling ?? 0;
    const architecture = [...archs.keys()][0] ?? "x86_64";
    plans.push({
      key,
      nodeGroupName: key,
      role,
      launchTemplateName: roleName,
      instanceTypes: [...g.instanceTypes],
      capacityType: g.capacityType,
      architecture,
      amiType: AMI_TYPES[architecture],
      scaling: { minSize: g.minSize, maxSize: g.maxSize, desiredSize: g.desiredSize },
      diskSizeGiB: g.diskSizeGiB,
      labels: { ...g.labels, [NODE_GROUP_LABEL]: key },
      taints: g.taints,
      azIds: [...azIds],
      subnetKeys: azIds.map((az) => `private-${az}`),
      maxPods,
      maxPodsSource: g.maxPods !== undefined ? "spec" : "computed",
      maxPodsByType: byType,
      userData: nodeUserData(maxPods),
    });
  }
  problems.throwIfAny("node groups");
  return plans;
}
