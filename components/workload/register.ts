/**
 * Manifests → typed `@pulumi/kubernetes` resources. Known kinds get their typed class (so the
 * plan carries the real type token, e.g. `kubernetes:apps/v1:Deployment`); any other kind is a
 * `kubernetes:<group>/<version>:<Kind>` through `apiextensions.CustomResource`.
 */
import * as k8s from "../shared/k8s";
import * as pulumi from "@pulumi/pulumi";
import type { Manifest } from "../../src/manifests/types";

type ResourceClass = new (name: string, args: never, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/** `<apiVersion>/<Kind>` → class. Lazily built: requiring @pulumi/kubernetes submodules costs time. */
let classes: Map<string, ResourceClass> | undefined;

function classTable(): Map<string, ResourceClass> {
  if (classes) return classes;
  const entries: [string, unknown][] = [
    ["apps/v1/DaemonSet", k8s.apps.v1.DaemonSet],
    ["apps/v1/Deployment", k8s.apps.v1.Deployment],
    ["apps/v1/StatefulSet", k8s.apps.v1.StatefulSet],
    ["autoscaling/v2/HorizontalPodAutoscaler", k8s.autoscaling.v2.HorizontalPodAutoscaler],
    ["batch/v1/CronJob", k8s.batch.v1.CronJob],
    ["batch/v1/Job", k8s.batch.v1.Job],
    ["networking.k8s.io/v1/Ingress", k8s.networking.v1.Ingress],
    ["networking.k8s.io/v1/IngressClass", k8s.networking.v1.IngressClass],
    ["networking.k8s.io/v1/NetworkPolicy", k8s.networking.v1.NetworkPolicy],
    ["policy/v1/PodDisruptionBudget", k8s.policy.v1.PodDisruptionBudget],
    ["rbac.authorization.k8s.io/v1/ClusterRole", k8s.rbac.v1.ClusterRole],
    ["rbac.authorization.k8s.io/v1/ClusterRoleBinding", k8s.rbac.v1.ClusterRoleBinding],
    ["rbac.authorization.k8s.io/v1/Role", k8s.rbac.v1.Role],
    ["rbac.authorization.k8s.io/v1/RoleBinding", k8s.rbac.v1.RoleBinding],
    ["scheduling.k8s.io/v1/PriorityClass", k8s.scheduling.v1.PriorityClass],
    ["storage.k8s.io/v1/StorageClass", k8s.storage.v1.StorageClass],
    ["v1/ConfigMap", k8s.core.v1.ConfigMap],
    ["v1/LimitRange", k8s.core.v1.LimitRange],
    ["v1/Namespace", k8s.core.v1.Namespace],
    ["v1/PersistentVolumeClaim", k8s.core.v1.PersistentVolumeClaim],
    ["v1/ResourceQuota", k8s.core.v1.ResourceQuota],
    ["v1/Secret", k8s.core.v1.Secret],
    ["v1/Service", k8s.core.v1.Service],
    ["v1/ServiceAccount", k8s.core.v1.ServiceAccount],
  ];
  classes = new Map(entries as [string, ResourceClass][]);
  return classes;
}

/** The typed class of a manifest's kind, or undefined for a custom resource. */
export function typedClass(apiVersion: string, kind: string): ResourceClass | undefined {
  return classTable().get(`${apiVersion}/${kind}`);
}

/** Logical name: `<kind>-<namespace>-<name>` (`<kind>-<name>` when cluster-scoped), kind lowercased. */
export function logicalName(m: Manifest): string {
  const ns = m.metadata.namespace;
  return `${m.kind.toLowerCase()}-${ns ? `${ns}-` : ""}${m.metadata.name}`;
}

/** Pod-bearing kinds: they wait for the ServiceAccount, ConfigMaps, Secrets and IAM role of their group. */
export const POD_KINDS: ReadonlySet<string> = new Set(["CronJob", "DaemonSet", "Deployment", "Job", "StatefulSet"]);

export interface RegisterOptions {
  readonly parent: pulumi.Resource;
  readonly provider: k8s.Provider;
  readonly dependsOn?: readonly pulumi.Resource[];
  /** Values replacing a Secret's `stringData` keys (pulumiSecret env values). */
  readonly secretStringData?: Readonly<Record<string, pulumi.Output<string>>>;
}

export function registerManifest(m: Manifest, opts: RegisterOptions): pulumi.CustomResource {
  const name = logicalName(m);
  const resourceOpts: pulumi.CustomResourceOptions = {
    parent: opts.parent,
    provider: opts.provider,
    ...(opts.dependsOn?.length ? { dependsOn: [...opts.dependsOn] } : {}),
  };
  const args: Record<string, unknown> = { ...m };
  if (m.kind === "Secret" && m.apiVersion === "v1") {
    if (args.data !== undefined) args.data = pulumi.secret(args.data);
    if (args.stringData !== undefined || opts.secretStringData) {
      args.stringData = pulumi.secret({ ...(m.stringData as Record<string, string> | undefined), ...opts.secretStringData });
    }
  }
  const Typed = typedClass(m.apiVersion, m.kind);
  if (Typed) return new Typed(name, args as never, resourceOpts);
  return new k8s.apiextensions.CustomResource(name, args as k8s.apiextensions.CustomResourceArgs, resourceOpts);
}
