/**
 * Step (d) of the workloads pipeline: the final manifests → components and typed resources.
 * Each manifest goes to the service it belongs to (its `app.kubernetes.io/name` label names a
 * service of that namespace), else to its namespace's group, else (cluster-scoped) to the
 * cluster-scoped group. The program yields to the runtime after each service: thousands of
 * synchronous registrations double time and memory under the offline engine.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  ClusterScopedManifests,
  NamespaceWorkloads,
  ServiceWorkload,
  logicalName,
  NAME_LABEL,
  type WorkloadPlan,
} from "../../components/workload/index";
import { CLUSTER_SCOPED_KINDS, NAMESPACED_KINDS, describeManifest, manifestKey, type Manifest } from "../manifests/types";
import { originOf } from "../manifests/origin";
import { InputError, type Problem } from "../util/errors";
import { compareStrings } from "../util/stable-json";
import type { LoadedEnvironment } from "../values/load";
import type { Infrastructure } from "./infrastructure";
import { yieldToRuntime } from "./platform";

export interface ManifestGroups {
  /** Namespace → its manifests that belong to no service (the Namespace object included). */
  readonly namespaces: ReadonlyMap<string, readonly Manifest[]>;
  /** Service name → its manifests. */
  readonly services: ReadonlyMap<string, readonly Manifest[]>;
  readonly clusterScoped: readonly Manifest[];
}

/** Name of the component holding cluster-scoped manifests. */
export const CLUSTER_SCOPED_GROUP = "cluster-scoped";

function push<K>(map: Map<K, Manifest[]>, key: K, m: Manifest): void {
  const list = map.get(key);
  if (list) list.push(m);
  else map.set(key, [m]);
}

/** Assign manifests to groups; duplicates and namespaced kinds without a namespace are errors. */
export function groupManifests(plan: WorkloadPlan, manifests: readonly Manifest[]): ManifestGroups {
  const problems: Problem[] = [];
  const seenKeys = new Map<string, Manifest>();
  const seenNames = new Map<string, Manifest>();
  const services = new Map<string, Manifest[]>();
  const namespaces = new Map<string, Manifest[]>(plan.namespaces.map((n) => [n.name, []]));
  const clusterScoped: Manifest[] = [];
  const serviceNs = new Map(plan.services.map((s) => [s.name, s.namespace]));
  const from = (m: Manifest) => originOf(m) ?? "the manifest overlays";
  for (const m of manifests) {
    const ns = m.metadata.namespace;
    const twin = seenKeys.get(manifestKey(m)) ?? seenNames.get(logicalName(m));
    if (twin) {
      problems.push({ path: describeManifest(m), message: `defined twice: in ${from(twin)} and in ${from(m)}` });
      continue;
    }
    seenKeys.set(manifestKey(m), m);
    seenNames.set(logicalName(m), m);
    if (ns === undefined || ns === "") {
      if (NAMESPACED_KINDS.has(m.kind)) {
        problems.push({ ...(originOf(m) ? { file: originOf(m) } : {}), path: describeManifest(m), message: `${m.kind} is namespaced: set metadata.namespace (stackplan never guesses a default namespace)` });
      } else if (m.kind === "Namespace") push(namespaces, m.metadata.name, m);
      else clusterScoped.push(m);
      continue;
    }
    if (CLUSTER_SCOPED_KINDS.has(m.kind)) {
      problems.push({ ...(originOf(m) ? { file: originOf(m) } : {}), path: describeManifest(m), message: `${m.kind} is cluster-scoped: remove metadata.namespace` });
      continue;
    }
    const owner = m.metadata.labels?.[NAME_LABEL];
    if (owner !== undefined && serviceNs.get(owner) === ns) push(services, owner, m);
    else push(namespaces, ns, m);
  }
  if (problems.length) throw new InputError(problems, problems.length > 1 ? `${problems.length} problems in the Kubernetes manifests:` : undefined);
  return { namespaces, services, clusterScoped };
}

/**
 * pulumiSecret values from the stack's config, by service, then Secret name, then key. Every
 * missing key is reported at once, naming the stack file and the service env var that needs it.
 */
export function pulumiSecretValues(env: LoadedEnvironment, plan: WorkloadPlan): Map<string, Record<string, Record<string, pulumi.Output<string>>>> {
  const config = new pulumi.Config("stackplan");
  const out = new Map<string, Record<string, Record<string, pulumi.Output<string>>>>();
  const problems: Problem[] = [];
  for (const s of plan.services) {
    if (!s.pulumiSecret) continue;
    const values: Record<string, pulumi.Output<string>> = {};
    for (const [envVar, key] of Object.entries(s.pulumiSecret.keys)) {
      const value = config.getSecret(key);
      if (value === undefined) {
        problems.push({
          file: env.stack.file,
          path: `config.stackplan:${key}`,
          message: `missing secret needed by services.${s.name}.env.${envVar}; set it with \`pulumi config set --secret stackplan:${key} <value> --stack ${env.facts.name}\``,
        });
      } else values[envVar] = value;
    }
    out.set(s.name, { [s.pulumiSecret.name]: values });
  }
  if (problems.length) throw new InputError(problems, problems.length > 1 ? `${problems.length} secrets are missing from the stack config:` : undefined);
  return out;
}

export interface RegisteredWorkloads {
  readonly namespaces: ReadonlyMap<string, NamespaceWorkloads>;
  readonly services: ReadonlyMap<string, ServiceWorkload>;
  readonly clusterScoped: ClusterScopedManifests | undefined;
}

export async function registerWorkloads(env: LoadedEnvironment, infra: Infrastructure, plan: WorkloadPlan, manifests: readonly Manifest[]): Promise<RegisteredWorkloads> {
  const groups = groupManifests(plan, manifests);
  const secrets = pulumiSecretValues(env, plan);
  const k8sProvider = infra.k8sProvider;
  const clusterScoped = groups.clusterScoped.length ? new ClusterScopedManifests(CLUSTER_SCOPED_GROUP, { manifests: groups.clusterScoped, k8sProvider }) : undefined;
  // Pods naming a PriorityClass are refused until it exists.
  const priorityClasses = groups.clusterScoped.filter((m) => m.kind === "PriorityClass").map((m) => clusterScoped!.resources[logicalName(m)]!);
  const namespaces = new Map<string, NamespaceWorkloads>();
  for (const ns of [...groups.namespaces.keys()].sort(compareStrings)) {
    namespaces.set(ns, new NamespaceWorkloads(ns, { manifests: groups.namespaces.get(ns)!, k8sProvider, podDependsOn: priorityClasses }));
  }
  await yieldToRuntime();
  const services = new Map<string, ServiceWorkload>();
  for (const s of plan.services) {
    const nsObject = namespaces.get(s.namespace)?.namespace;
    services.set(
      s.name,
      new ServiceWorkload(s.name, {
        manifests: groups.services.get(s.name) ?? [],
        k8sProvider,
        ...(nsObject ? { dependsOn: [nsObject] } : {}),
        podDependsOn: priorityClasses,
        ...(s.irsa ? { irsa: { plan: s.irsa, awsProvider: infra.awsProvider, oidcProviderArn: infra.cluster.oidcProviderArn, oidcIssuer: infra.cluster.oidcIssuer } } : {}),
        ...(secrets.has(s.name) ? { secretValues: secrets.get(s.name)! } : {}),
      }),
    );
    await yieldToRuntime();
  }
  return { namespaces, services, clusterScoped };
}
