/**
 * Thin components over the workload plan. One `stackplan:workload:Service` per service (its
 * manifests and IRSA role), one `stackplan:workload:Namespace` per namespace (the Namespace, its
 * namespace-wide policies and raw manifests) and one `stackplan:workload:ClusterScoped` for
 * cluster-scoped raw manifests. Per service rather than per namespace: a diff or a policy finding
 * then points at the service that changed, and a service's resources come and go together.
 *
 * Ordering is explicit: namespaced objects wait for their Namespace; pod-bearing objects wait for
 * the ServiceAccount, ConfigMaps and Secrets of their group and for the IRSA role and policies.
 */
import * as aws from "../shared/aws";
import type * as k8s from "../shared/k8s";
import * as pulumi from "@pulumi/pulumi";
import type { Manifest } from "../../src/manifests/types";
import { withinComponent } from "../../src/program/component-error";
import { logicalName, POD_KINDS, registerManifest } from "./register";
import { irsaTrustPolicy } from "../shared/iam";
import type { IrsaRolePlan } from "./service-account";

export const SERVICE_TYPE = "stackplan:workload:Service";
export const NAMESPACE_TYPE = "stackplan:workload:Namespace";
export const CLUSTER_SCOPED_TYPE = "stackplan:workload:ClusterScoped";

/** Kinds pods read at start: pod-bearing objects of the same group wait for them. */
const POD_PREREQUISITES: ReadonlySet<string> = new Set(["ConfigMap", "Secret", "ServiceAccount"]);

export interface ManifestGroupArgs {
  readonly manifests: readonly Manifest[];
  readonly k8sProvider: k8s.Provider;
  /** What every child waits for (the Namespace of namespaced objects). */
  readonly dependsOn?: readonly pulumi.Resource[];
  /** What pod-bearing children also wait for (PriorityClasses). */
  readonly podDependsOn?: readonly pulumi.Resource[];
}

export interface IrsaArgs {
  readonly plan: IrsaRolePlan;
  readonly awsProvider: aws.Provider;
  readonly oidcProviderArn: pulumi.Input<string>;
  /** Issuer host and path, without `https://`. */
  readonly oidcIssuer: pulumi.Input<string>;
}

export interface ServiceWorkloadArgs extends ManifestGroupArgs {
  readonly irsa?: IrsaArgs;
  /** pulumiSecret values by Secret name, then key. */
  readonly secretValues?: Readonly<Record<string, Readonly<Record<string, pulumi.Output<string>>>>>;
}

/** Register manifests under `parent`; returns them by logical name. */
function registerGroup(
  type: string,
  parent: pulumi.ComponentResource,
  name: string,
  args: ManifestGroupArgs & { readonly secretValues?: ServiceWorkloadArgs["secretValues"] },
): Record<string, pulumi.CustomResource> {
  const out: Record<string, pulumi.CustomResource> = {};
  const base = [...(args.dependsOn ?? [])];
  const register = (m: Manifest, dependsOn: readonly pulumi.Resource[]) =>
    withinComponent(
      type,
      name,
      () => {
        const secretStringData = m.kind === "Secret" ? args.secretValues?.[m.metadata.name] : undefined;
        out[logicalName(m)] = registerManifest(m, { parent, provider: args.k8sProvider, dependsOn, ...(secretStringData ? { secretStringData } : {}) });
      },
      logicalName(m),
    );
  const namespaces = args.manifests.filter((m) => m.kind === "Namespace");
  namespaces.forEach((m) => register(m, base));
  const scoped = [...base, ...namespaces.map((m) => out[logicalName(m)]!)];
  const prerequisites = args.manifests.filter((m) => POD_PREREQUISITES.has(m.kind));
  prerequisites.forEach((m) => register(m, scoped));
  const podDeps = [...scoped, ...prerequisites.map((m) => out[logicalName(m)]!), ...(args.podDependsOn ?? [])];
  for (const m of args.manifests) {
    if (m.kind === "Namespace" || POD_PREREQUISITES.has(m.kind)) continue;
    register(m, POD_KINDS.has(m.kind) ? podDeps : scoped);
  }
  return out;
}

export class ServiceWorkload extends pulumi.ComponentResource {
  /** Kubernetes resources by logical name. */
  readonly resources: Record<string, pulumi.CustomResource>;
  readonly role: aws.iam.Role | undefined;

  constructor(name: string, args: ServiceWorkloadArgs, opts?: pulumi.ComponentResourceOptions) {
    super(SERVICE_TYPE, name, {}, opts);
    const iam = args.irsa ? withinComponent(SERVICE_TYPE, name, () => irsaResources(this, args.irsa!)) : undefined;
    this.role = iam?.role;
    this.resources = registerGroup(SERVICE_TYPE, this, name, { ...args, podDependsOn: [...(args.podDependsOn ?? []), ...(iam?.all ?? [])] });
    this.registerOutputs({ ...(args.irsa ? { roleArn: args.irsa.plan.roleArn } : {}) });
  }
}

export class NamespaceWorkloads extends pulumi.ComponentResource {
  readonly resources: Record<string, pulumi.CustomResource>;
  /** The Namespace object, when the platform manages it. */
  readonly namespace: pulumi.CustomResource | undefined;

  constructor(name: string, args: ManifestGroupArgs, opts?: pulumi.ComponentResourceOptions) {
    super(NAMESPACE_TYPE, name, {}, opts);
    this.resources = registerGroup(NAMESPACE_TYPE, this, name, args);
    const ns = args.manifests.find((m) => m.kind === "Namespace");
    this.namespace = ns ? this.resources[logicalName(ns)] : undefined;
    this.registerOutputs({});
  }
}

export class ClusterScopedManifests extends pulumi.ComponentResource {
  readonly resources: Record<string, pulumi.CustomResource>;

  constructor(name: string, args: ManifestGroupArgs, opts?: pulumi.ComponentResourceOptions) {
    super(CLUSTER_SCOPED_TYPE, name, {}, opts);
    this.resources = registerGroup(CLUSTER_SCOPED_TYPE, this, name, args);
    this.registerOutputs({});
  }
}

/** Logical name stem of a service's IAM resources: `<namespace>-<service>`. */
function iamStem(plan: IrsaRolePlan): string {
  return `${plan.namespace}-${plan.service}`;
}

/** The last segment of a policy ARN, lowercased: `arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess` → `amazons3readonlyaccess`. */
export function policySlug(arn: string): string {
  return (arn.split("/").pop() ?? arn).toLowerCase().replace(/[^a-z0-9-]+/g, "-");
}

function irsaResources(parent: pulumi.ComponentResource, irsa: IrsaArgs): { role: aws.iam.Role; all: pulumi.Resource[] } {
  const { plan } = irsa;
  const opts = { parent, provider: irsa.awsProvider };
  const stem = iamStem(plan);
  const role = new aws.iam.Role(
    `iam-role-${stem}`,
    {
      name: plan.roleName,
      description: `IRSA role of the ServiceAccount ${plan.namespace}/${plan.serviceAccount}`,
      assumeRolePolicy: pulumi
        .all([irsa.oidcProviderArn, irsa.oidcIssuer])
        .apply(([arn, issuer]) => irsaTrustPolicy(arn, issuer, plan.namespace, plan.serviceAccount)),
    },
    opts,
  );
  const all: pulumi.Resource[] = [role];
  if (plan.inlinePolicy) {
    all.push(new aws.iam.RolePolicy(`iam-role-policy-${stem}`, { role: role.name, name: plan.service, policy: JSON.stringify(plan.inlinePolicy) }, opts));
  }
  const seen = new Map<string, number>();
  for (const policyArn of plan.managedPolicyArns) {
    const slug = policySlug(policyArn);
    const n = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, n);
    const suffix = n > 1 ? `${slug}-${n}` : slug;
    all.push(new aws.iam.RolePolicyAttachment(`iam-role-policy-attachment-${stem}-${suffix}`, { role: role.name, policyArn }, opts));
  }
  return { role, all };
}
