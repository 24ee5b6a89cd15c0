/**
 * The cluster planner: control plane settings, the names and ARNs of its IAM roles, its log
 * groups, and the add-ons with their IRSA roles and whether they need nodes. Pure data.
 */
import type { RetentionTier } from "../../src/spec/common";
import type { ClusterSpec } from "../../src/spec/cluster";
import { planRole, type RolePlan } from "../shared/iam";
import { Problems, type Locate } from "../shared/problems";
import { planLogGroup, type TieredLogGroup } from "../shared/tiers";

/** An IAM role for one Kubernetes service account, assumed through the cluster's OIDC provider. */
export interface IrsaPlan {
  readonly role: RolePlan;
  readonly namespace: string;
  readonly serviceAccount: string;
}

export interface AddonPlan {
  readonly name: string;
  readonly version: string;
  /** JSON configuration values, or undefined for none. */
  readonly configurationValues?: string;
  /**
   * Installed after the node groups (Deployments that need somewhere to run). The VPC CNI and
   * kube-proxy go first: nodes are not Ready without them.
   */
  readonly needsNodes: boolean;
  readonly irsa?: IrsaPlan;
  /** Log groups the add-on would otherwise create without retention; created first. */
  readonly logGroups: readonly TieredLogGroup[];
}

export interface ClusterPlan {
  readonly name: string;
  readonly version: string;
  readonly region: string;
  /** The control plane's role (AmazonEKSClusterPolicy). */
  readonly role: RolePlan;
  /** `/aws/eks/<name>/cluster`, security tier, created before the cluster. */
  readonly logGroup: TieredLogGroup;
  readonly logTypes: readonly string[];
  readonly endpoint: ClusterSpec["endpoint"];
  readonly authenticationMode: ClusterSpec["authenticationMode"];
  readonly secretsEncryption?: { readonly aliasName: string; readonly deletionWindowInDays: number };
  readonly addons: readonly AddonPlan[];
}

/** Add-ons EKS clusters need to run pods at all; stackplan installs them as managed add-ons. */
export const CORE_ADDONS = ["vpc-cni", "kube-proxy", "coredns"] as const;

interface AddonKnowledge {
  readonly needsNodes: boolean;
  readonly irsa?: { readonly purpose: string; readonly namespace: string; readonly serviceAccount: string; readonly policies: readonly string[] };
  readonly logGroups?: (cluster: string) => readonly { key: string; name: string; tier: RetentionTier }[];
}

/** What stackplan knows about add-ons; others are installed plainly, after the nodes. */
export const ADDON_KNOWLEDGE: Readonly<Record<string, AddonKnowledge>> = {
  "vpc-cni": { needsNodes: false },
  "kube-proxy": { needsNodes: false },
  coredns: { needsNodes: true },
  "aws-ebs-csi-driver": {
    needsNodes: true,
    irsa: { purpose: "ebs-csi", namespace: "kube-system", serviceAccount: "ebs-csi-controller-sa", policies: ["service-role/AmazonEBSCSIDriverPolicy"] },
  },
  "amazon-cloudwatch-observability": {
    needsNodes: true,
    irsa: {
      purpose: "cloudwatch-agent",
      namespace: "amazon-cloudwatch",
      serviceAccount: "cloudwatch-agent",
      policies: ["CloudWatchAgentServerPolicy", "AWSXrayWriteOnlyAccess"],
    },
    // Container Insights writes here; the agent would create them without retention. The
    // performance log only carries EMF metrics CloudWatch already extracted: debug tier.
    logGroups: (cluster) => [
      { key: "ci-application", name: `/aws/containerinsights/${cluster}/application`, tier: "application" },
      { key: "ci-dataplane", name: `/aws/containerinsights/${cluster}/dataplane`, tier: "application" },
      { key: "ci-host", name: `/aws/containerinsights/${cluster}/host`, tier: "application" },
      { key: "ci-performance", name: `/aws/containerinsights/${cluster}/performance`, tier: "debug" },
    ],
  },
};

export interface ClusterPlanInput {
  readonly cluster: ClusterSpec;
  readonly region: string;
  readonly account: string;
}

export function planCluster(input: ClusterPlanInput, locate?: Locate): ClusterPlan {
  const { cluster: spec, region, account } = input;
  const problems = new Problems(locate);
  const name = spec.name;
  const logGroup = (key: string, lgName: string, tier: RetentionTier) => planLogGroup(region, account, key, lgName, tier);
  const role = (purpose: string, managedPolicies: readonly string[]) =>
    planRole({ region, account, name: `${name}-${purpose}`, managedPolicies }, problems, ["cluster", "name"], "cluster.name");

  for (const core of CORE_ADDONS) {
    if (!spec.addons[core]) {
      problems.add(["cluster", "addons", core], `missing: stackplan installs ${CORE_ADDONS.join(", ")} as managed add-ons (pin a version); nodes cannot run pods without them`);
    }
  }

  const addons: AddonPlan[] = Object.entries(spec.addons)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([addonName, addon]) => {
      const known = ADDON_KNOWLEDGE[addonName];
      const configuration = addonName === "vpc-cni" ? vpcCniConfiguration(addon.configuration, spec.vpcCni) : addon.configuration;
      const irsa = known?.irsa;
      return {
        name: addonName,
        version: addon.version,
        ...(Object.keys(configuration).length ? { configurationValues: JSON.stringify(configuration) } : {}),
        needsNodes: known?.needsNodes ?? true,
        ...(irsa
          ? {
              irsa: { role: role(irsa.purpose, irsa.policies), namespace: irsa.namespace, serviceAccount: irsa.serviceAccount },
            }
          : {}),
        logGroups: (known?.logGroups?.(name) ?? []).map((l) => logGroup(l.key, l.name, l.tier)),
      };
    });

  const plan: ClusterPlan = {
    name,
    version: spec.version,
    region,
    role: role("cluster", ["AmazonEKSClusterPolicy"]),
    logGroup: logGroup("control-plane", `/aws/eks/${name}/cluster`, "security"),
    logTypes: [...new Set(spec.logTypes)],
    endpoint: spec.endpoint,
    authenticationMode: spec.authenticationMode,
    ...(spec.secretsEncryption.enabled
      ? { secretsEncryption: { aliasName: `alias/${name}-secrets`, deletionWindowInDays: spec.secretsEncryption.keyDeletionWindowDays } }
      : {}),
    addons,
  };
  problems.throwIfAny("cluster");
  return plan;
}

/**
 * The VPC CNI's settings from `cluster.vpcCni`, merged under the add-on's own configuration
 * (explicit `env` entries win). Custom networking picks the ENIConfig named after the node's
 * AZ ID (the `topology.k8s.aws/zone-id` node label): AZ names differ between accounts, IDs do not.
 */
export function vpcCniConfiguration(configuration: Record<string, unknown>, vpcCni: ClusterSpec["vpcCni"]): Record<string, unknown> {
  const env: Record<string, string> = {};
  if (vpcCni.prefixDelegation) env.ENABLE_PREFIX_DELEGATION = "true";
  if (vpcCni.customNetworking) {
    env.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG = "true";
    env.ENI_CONFIG_LABEL_DEF = "topology.k8s.aws/zone-id";
  }
  if (Object.keys(env).length === 0) return configuration;
  const own = (configuration.env ?? {}) as Record<string, unknown>;
  return { ...configuration, env: { ...env, ...own } };
}
