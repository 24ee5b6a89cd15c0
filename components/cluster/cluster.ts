/**
 * `stackplan:cluster:Cluster`: the EKS control plane and everything that hangs off it, in the
 * order EKS needs:
 *   log group (security tier) → IAM role, KMS key → cluster → OIDC provider
 *   → vpc-cni, kube-proxy → node groups → IRSA roles, add-on log groups → coredns, EBS CSI,
 *     CloudWatch observability, other add-ons → Kubernetes provider.
 */
import * as aws from "../shared/aws";
import * as k8s from "../shared/k8s";
import * as pulumi from "@pulumi/pulumi";
import { withinComponent } from "../../src/program/component-error";
import { childOptions, type ChildOptions } from "../shared/child";
import { irsaTrustPolicy, serviceTrustPolicy } from "../shared/iam";
import { buildLogGroup, buildRole } from "../shared/resources";
import { nameTags, PURPOSE_TAG } from "../shared/tags";
import type { AddonPlan, ClusterPlan } from "./cluster-plan";
import { kubeconfig } from "./kubeconfig";
import { NodeGroup } from "./node-group";
import type { NodeGroupPlan } from "./node-group-plan";

export const CLUSTER_TYPE = "stackplan:cluster:Cluster";

export interface ClusterArgs {
  readonly plan: ClusterPlan;
  readonly nodeGroups: readonly NodeGroupPlan[];
  /** Private subnet ids by key (`private-<azId>`), in AZ slot order: the control plane ENIs and the nodes go there. */
  readonly privateSubnetIds: Readonly<Record<string, pulumi.Input<string>>>;
  readonly provider: aws.Provider;
}

export class Cluster extends pulumi.ComponentResource {
  readonly plan: ClusterPlan;
  readonly eksCluster: aws.eks.Cluster;
  /** The cluster name as an output of the EKS cluster (depends on it). */
  readonly clusterName: pulumi.Output<string>;
  readonly endpoint: pulumi.Output<string>;
  readonly oidcProviderArn: pulumi.Output<string>;
  /** Issuer host and path, without `https://`. */
  readonly oidcIssuer: pulumi.Output<string>;
  readonly nodeGroups: Readonly<Record<string, NodeGroup>>;
  readonly k8sProvider: k8s.Provider;

  constructor(name: string, args: ClusterArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(CLUSTER_TYPE, name, {}, opts);
    this.plan = args.plan;
    const built = withinComponent(CLUSTER_TYPE, name, () => buildCluster(this, name, args, childOptions(this, args.provider)));
    this.eksCluster = built.eksCluster;
    this.clusterName = built.eksCluster.name;
    this.endpoint = built.eksCluster.endpoint;
    this.oidcProviderArn = built.oidc.arn;
    this.oidcIssuer = built.oidcIssuer;
    this.nodeGroups = built.nodeGroups;
    this.k8sProvider = built.k8sProvider;
    this.registerOutputs({
      clusterName: args.plan.name,
      version: args.plan.version,
      endpoint: this.endpoint,
      oidcProviderArn: this.oidcProviderArn,
      roleArn: args.plan.role.arn,
      logGroup: args.plan.logGroup.name,
      addons: Object.fromEntries(args.plan.addons.map((a) => [a.name, a.version])),
      nodeGroups: Object.fromEntries(args.nodeGroups.map((g) => [g.key, { maxPods: g.maxPods, instanceTypes: g.instanceTypes, maxSize: g.scaling.maxSize }])),
    });
  }
}

function buildCluster(parent: pulumi.Resource, name: string, args: ClusterArgs, child: ChildOptions) {
  const { plan } = args;
  // Before the cluster: EKS would otherwise create this group itself, without retention.
  const logGroup = buildLogGroup(`${name}-logs`, plan.logGroup, child);
  const { role, attachments: roleAttachments } = buildRole(`${name}-role`, plan.role, {
    description: `EKS control plane of ${plan.name}`,
    assumeRolePolicy: serviceTrustPolicy("eks"),
  }, child);

  let key: aws.kms.Key | undefined;
  if (plan.secretsEncryption) {
    key = new aws.kms.Key(`${name}-secrets-key`, {
      description: `Envelope encryption of Kubernetes secrets in ${plan.name}`,
      enableKeyRotation: true,
      deletionWindowInDays: plan.secretsEncryption.deletionWindowInDays,
      tags: nameTags(`${plan.name}-secrets`),
    }, child());
    new aws.kms.Alias(`${name}-secrets-alias`, { name: plan.secretsEncryption.aliasName, targetKeyId: key.keyId }, child());
  }

  const privateSubnetIds = Object.values(args.privateSubnetIds);
  const eksCluster = new aws.eks.Cluster(`${name}-eks`, {
    name: plan.name,
    version: plan.version,
    roleArn: plan.role.arn,
    vpcConfig: {
      subnetIds: privateSubnetIds,
      endpointPrivateAccess: plan.endpoint.privateAccess,
      endpointPublicAccess: plan.endpoint.publicAccess,
      ...(plan.endpoint.publicAccess ? { publicAccessCidrs: [...plan.endpoint.publicAccessCidrs] } : {}),
    },
    enabledClusterLogTypes: [...plan.logTypes],
    accessConfig: { authenticationMode: plan.authenticationMode, bootstrapClusterCreatorAdminPermissions: true },
    // vpc-cni, kube-proxy and coredns are managed add-ons below, with pinned versions.
    bootstrapSelfManagedAddons: false,
    ...(key ? { encryptionConfig: { provider: { keyArn: key.arn }, resources: ["secrets"] } } : {}),
    tags: nameTags(plan.name),
  }, child({ dependsOn: [logGroup, role, ...roleAttachments] }));

  const issuerUrl = eksCluster.identities.apply((ids) => ids?.[0]?.oidcs?.[0]?.issuer ?? "");
  const oidc = new aws.iam.OpenIdConnectProvider(`${name}-oidc`, {
    url: issuerUrl,
    clientIdLists: ["sts.amazonaws.com"],
    tags: nameTags(`${plan.name}-irsa`),
  }, child());
  const oidcIssuer = issuerUrl.apply((u) => u.replace(/^https:\/\//, ""));

  const addon = (a: AddonPlan, dependsOn: pulumi.Resource[], serviceAccountRoleArn?: string) =>
    new aws.eks.Addon(`${name}-addon-${a.name}`, {
      clusterName: eksCluster.name,
      addonName: a.name,
      addonVersion: a.version,
      ...(a.configurationValues ? { configurationValues: a.configurationValues } : {}),
      ...(serviceAccountRoleArn ? { serviceAccountRoleArn } : {}),
      resolveConflictsOnCreate: "OVERWRITE",
      resolveConflictsOnUpdate: "OVERWRITE",
      tags: nameTags(`${plan.name}-${a.name}`),
    }, child({ dependsOn }));

  const early = plan.addons.filter((a) => !a.needsNodes).map((a) => addon(a, []));
  const nodeGroups: Record<string, NodeGroup> = {};
  for (const g of args.nodeGroups) {
    nodeGroups[g.key] = new NodeGroup(`${name}-ng-${g.key}`, {
      plan: g,
      clusterName: eksCluster.name,
      version: plan.version,
      subnetIds: g.subnetKeys.map((k) => args.privateSubnetIds[k]!),
      provider: args.provider,
      nodesDependOn: early,
    }, { parent, dependsOn: early });
  }
  const groups = Object.values(nodeGroups);
  const late = plan.addons.filter((a) => a.needsNodes).map((a) => {
    const before: pulumi.Resource[] = [...groups, ...a.logGroups.map((l) => buildLogGroup(`${name}-logs-${l.key}`, l, child))];
    if (!a.irsa) return addon(a, before);
    const irsa = a.irsa;
    const { role: irsaRole, attachments } = buildRole(`${name}-irsa-${a.name}`, irsa.role, {
      description: `IRSA role of ${irsa.namespace}/${irsa.serviceAccount} (${a.name}) in ${plan.name}`,
      assumeRolePolicy: pulumi.all([oidc.arn, oidcIssuer]).apply(([arn, issuer]) => irsaTrustPolicy(arn, issuer, irsa.namespace, irsa.serviceAccount)),
      tags: { [PURPOSE_TAG]: `addon:${a.name}` },
    }, child);
    return addon(a, [...before, irsaRole, ...attachments], irsa.role.arn);
  });

  const k8sProvider = new k8s.Provider(`${name}-k8s`, {
    kubeconfig: pulumi
      .all([eksCluster.endpoint, eksCluster.certificateAuthority])
      .apply(([endpoint, ca]) => kubeconfig({ clusterName: plan.name, region: plan.region, endpoint, certificateAuthorityData: ca?.data ?? "" })),
    enableServerSideApply: true,
  }, { parent, dependsOn: [...early, ...late] });

  return { eksCluster, oidc, oidcIssuer, nodeGroups, k8sProvider };
}
