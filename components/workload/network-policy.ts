/**
 * NetworkPolicies. Per namespace: deny everything (ingress and egress) and allow DNS to CoreDNS.
 * Per service: ingress from the declared callers (`allowFrom` services and namespaces) and, for
 * load-balanced services, from the VPC range (NLB/ALB IP targets); egress to the services that
 * declare it as a caller (the callee's `allowFrom` is the single source of truth) and to
 * `allowTo.cidrs` outside the cluster. Every rule names its ports: a rule without ports would
 * open all of them.
 */
import type { ResolvedService } from "../../src/spec/schema";
import type { Manifest } from "../../src/manifests/types";
import { compareStrings } from "../../src/util/stable-json";
import type { WorkloadContext } from "./context";
import { NAMESPACE_NAME_LABEL, platformLabels, selectorLabels, serviceMetadata } from "./labels";

export const DEFAULT_DENY_POLICY = "default-deny-all";
export const DNS_EGRESS_POLICY = "allow-dns-egress";

type Peer = Record<string, unknown>;

function namespaceSelector(ns: string): Peer {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: ns } };
}

/** The pods of a service, seen from a policy in namespace `from`. */
function servicePeer(name: string, ns: string, from: string): Peer {
  return { ...(ns !== from ? { namespaceSelector: namespaceSelector(ns) } : {}), podSelector: { matchLabels: selectorLabels(name) } };
}

function containerPorts(svc: ResolvedService): Record<string, unknown>[] {
  return svc.ports.map((p) => ({ port: p.containerPort, protocol: p.protocol }));
}

export function namespacePolicies(ns: string, ctx: WorkloadContext): Manifest[] {
  const metadata = (name: string) => ({ name, namespace: ns, labels: platformLabels(ctx) });
  return [
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: metadata(DEFAULT_DENY_POLICY),
      spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: metadata(DNS_EGRESS_POLICY),
      spec: {
        egress: [
          {
            ports: [
              { port: 53, protocol: "UDP" },
              { port: 53, protocol: "TCP" },
            ],
            to: [{ namespaceSelector: namespaceSelector("kube-system"), podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
          },
        ],
        podSelector: {},
        policyTypes: ["Egress"],
      },
    },
  ];
}

/** Who lets whom in, read once per set of services: caller name, or caller namespace → callees. */
interface CalleeIndex {
  readonly byCaller: ReadonlyMap<string, ReadonlySet<string>>;
  readonly byNamespace: ReadonlyMap<string, ReadonlySet<string>>;
}

const calleeIndexes = new WeakMap<WorkloadContext["services"], CalleeIndex>();

function calleeIndex(services: WorkloadContext["services"]): CalleeIndex {
  let idx = calleeIndexes.get(services);
  if (!idx) {
    const byCaller = new Map<string, Set<string>>();
    const byNamespace = new Map<string, Set<string>>();
    const add = (m: Map<string, Set<string>>, k: string, t: string) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(t);
    for (const [t, svc] of Object.entries(services)) {
      for (const caller of svc.allowFrom.services) add(byCaller, caller, t);
      for (const ns of svc.allowFrom.namespaces) add(byNamespace, ns, t);
    }
    calleeIndexes.set(services, (idx = { byCaller, byNamespace }));
  }
  return idx;
}

/** Services that accept connections from `name` (by name or by its namespace), sorted by name. */
export function calleesOf(name: string, ctx: WorkloadContext): string[] {
  const ns = ctx.services[name]!.namespace;
  const idx = calleeIndex(ctx.services);
  const callees = new Set([...(idx.byCaller.get(name) ?? []), ...(idx.byNamespace.get(ns) ?? [])]);
  callees.delete(name);
  return [...callees].sort(compareStrings);
}

export function ingressRules(name: string, svc: ResolvedService, ctx: WorkloadContext): Record<string, unknown>[] {
  if (svc.ports.length === 0) return [];
  const ns = svc.namespace;
  const peers: Peer[] = [
    ...[...svc.allowFrom.services].sort(compareStrings).map((s) => servicePeer(s, ctx.services[s]?.namespace ?? ns, ns)),
    ...[...svc.allowFrom.namespaces].sort(compareStrings).map((n) => ({ namespaceSelector: namespaceSelector(n) })),
    ...(svc.exposure.type === "internal" || svc.exposure.type === "public" ? [{ ipBlock: { cidr: ctx.vpcCidr } }] : []),
  ];
  return peers.length ? [{ from: peers, ports: containerPorts(svc) }] : [];
}

export function egressRules(name: string, svc: ResolvedService, ctx: WorkloadContext): Record<string, unknown>[] {
  const callees = calleesOf(name, ctx)
    .map((t) => ({ t, callee: ctx.services[t]! }))
    .filter(({ callee }) => callee.ports.length > 0)
    .map(({ t, callee }) => ({ ports: containerPorts(callee), to: [servicePeer(t, callee.namespace, svc.namespace)] }));
  const external = svc.allowTo.cidrs.map((c) => ({ ports: c.ports.map((port) => ({ port, protocol: c.protocol })), to: [{ ipBlock: { cidr: c.cidr } }] }));
  return [...callees, ...external];
}

export function serviceNetworkPolicy(name: string, svc: ResolvedService, ctx: WorkloadContext): Manifest {
  const ingress = ingressRules(name, svc, ctx);
  const egress = egressRules(name, svc, ctx);
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: serviceMetadata(name, svc, ctx),
    spec: {
      ...(egress.length ? { egress } : {}),
      ...(ingress.length ? { ingress } : {}),
      podSelector: { matchLabels: selectorLabels(name) },
      policyTypes: ["Ingress", "Egress"],
    },
  };
}
