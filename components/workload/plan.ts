/**
 * The workload planner: the spec's services → plain Kubernetes manifests, IRSA role plans and
 * pulumiSecret plans. Pure: no Pulumi, no I/O; the same spec gives the same plan.
 */
import { setOrigin } from "../../src/manifests/origin";
import type { Manifest } from "../../src/manifests/types";
import { compareStrings } from "../../src/util/stable-json";
import type { WorkloadContext } from "./context";
import { deployment } from "./deployment";
import { horizontalPodAutoscaler } from "./hpa";
import { albIngress } from "./ingress";
import { namespaceManifest } from "./namespace";
import { namespacePolicies, serviceNetworkPolicy } from "./network-policy";
import { podDisruptionBudget } from "./pdb";
import { pulumiSecretManifest, pulumiSecretPlan, type PulumiSecretPlan } from "./secret";
import { service } from "./service";
import { irsaRole, serviceAccount, type IrsaRolePlan } from "./service-account";

export interface ServicePlan {
  readonly name: string;
  readonly namespace: string;
  /** ServiceAccount, Secret, Deployment, Service, Ingress, PDB, HPA, NetworkPolicy (those that apply). */
  readonly manifests: readonly Manifest[];
  readonly irsa: IrsaRolePlan | undefined;
  readonly pulumiSecret: PulumiSecretPlan | undefined;
}

export interface NamespacePlan {
  readonly name: string;
  /** The Namespace, its default-deny and DNS NetworkPolicies. */
  readonly manifests: readonly Manifest[];
}

export interface WorkloadPlan {
  /** Sorted by name. */
  readonly namespaces: readonly NamespacePlan[];
  /** Sorted by name. */
  readonly services: readonly ServicePlan[];
}

export function planService(name: string, ctx: WorkloadContext): ServicePlan {
  const svc = ctx.services[name];
  if (!svc) throw new Error(`planService: unknown service ${JSON.stringify(name)}`);
  const irsa = irsaRole(name, svc, ctx);
  const secret = pulumiSecretPlan(name, svc);
  const manifests = [
    serviceAccount(name, svc, ctx, irsa),
    secret && pulumiSecretManifest(name, svc, ctx, secret),
    deployment(name, svc, ctx),
    service(name, svc, ctx),
    albIngress(name, svc, ctx),
    podDisruptionBudget(name, svc, ctx),
    horizontalPodAutoscaler(name, svc, ctx),
    serviceNetworkPolicy(name, svc, ctx),
  ].filter((m): m is Manifest => m !== undefined);
  return { name, namespace: svc.namespace, manifests, irsa, pulumiSecret: secret };
}

export function planNamespace(ns: string, ctx: WorkloadContext): NamespacePlan {
  const services = Object.values(ctx.services).filter((s) => s.namespace === ns);
  return { name: ns, manifests: [namespaceManifest(ns, services, ctx), ...namespacePolicies(ns, ctx)] };
}

export function planWorkloads(ctx: WorkloadContext): WorkloadPlan {
  const names = Object.keys(ctx.services).sort(compareStrings);
  const namespaces = [...new Set(names.map((n) => ctx.services[n]!.namespace))].sort(compareStrings);
  return { namespaces: namespaces.map((ns) => planNamespace(ns, ctx)), services: names.map((n) => planService(n, ctx)) };
}

/**
 * Every manifest of a plan: namespaces first, then services, each in plan order. Each is tagged
 * with where it came from (`services.web (generated)`) for messages.
 */
export function planManifests(plan: WorkloadPlan): Manifest[] {
  return [
    ...plan.namespaces.flatMap((n) => n.manifests.map((m) => setOrigin(m, `namespace ${n.name} (generated)`))),
    ...plan.services.flatMap((s) => s.manifests.map((m) => setOrigin(m, `services.${s.name} (generated)`))),
  ];
}
