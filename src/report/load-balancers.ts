/**
 * The load balancers a plan creates and what they route to:
 * - an Ingress of the `alb` class is served by an ALB of the AWS Load Balancer Controller; the
 *   Ingresses of one `alb.ingress.kubernetes.io/group.name` share one ALB, others get one each;
 *   the scheme annotation defaults to `internal`
 *   (https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/);
 * - a Service of type LoadBalancer with `loadBalancerClass: service.k8s.aws/nlb` (or the
 *   `aws-load-balancer-type` annotation `external` / `nlb-ip`) gets an NLB from that controller,
 *   internal unless `aws-load-balancer-scheme` says otherwise
 *   (https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/nlb/);
 *   any other one is left to the in-tree service controller: a Classic ELB (an NLB with the
 *   type annotation `nlb`), internet-facing unless `aws-load-balancer-internal` is set
 *   (https://cloud-provider-aws.sigs.k8s.io/service_controller/);
 * - `aws:lb` load balancers the program declares itself (type `application` by default,
 *   internet-facing unless `internal`: Pulumi's aws.lb.LoadBalancer).
 */
import type { RuleResource } from "../../policies/lib/rule";
import { compareStrings } from "../util/stable-json";
import type { LoadBalancerRoute, LoadBalancerView } from "./model";
import { bool, list, num, type PlanView, slug, str, strings, TYPES } from "./plan-view";

const ALB_CONTROLLER = "ingress.k8s.aws/alb";
const NLB_CLASS = "service.k8s.aws/nlb";
const A = {
  group: "alb.ingress.kubernetes.io/group.name",
  scheme: "alb.ingress.kubernetes.io/scheme",
  ingressClass: "kubernetes.io/ingress.class",
  lbType: "service.beta.kubernetes.io/aws-load-balancer-type",
  lbScheme: "service.beta.kubernetes.io/aws-load-balancer-scheme",
  lbInternal: "service.beta.kubernetes.io/aws-load-balancer-internal",
} as const;

/** `namespace/name` of a Kubernetes object (namespace `default` when unset). */
export function objectName(r: RuleResource): string {
  return `${str(r.props, "metadata.namespace") ?? "default"}/${str(r.props, "metadata.name") ?? r.name}`;
}

export function loadBalancersOf(p: PlanView): LoadBalancerView[] {
  return [...albsOf(p), ...serviceLbsOf(p), ...declaredLbsOf(p)].sort((a, b) => compareStrings(a.scheme, b.scheme) || compareStrings(a.kind, b.kind) || compareStrings(a.name, b.name));
}

/** Ingress classes the ALB controller serves: `alb`, and any IngressClass of the plan naming its controller. */
function albClasses(p: PlanView): Set<string> {
  const names = new Set(["alb"]);
  for (const c of p.ofType(TYPES.ingressClass)) if (str(c.props, "spec.controller") === ALB_CONTROLLER) names.add(str(c.props, "metadata.name") ?? c.name);
  return names;
}

function albsOf(p: PlanView): LoadBalancerView[] {
  const classes = albClasses(p);
  const groups = new Map<string, RuleResource[]>();
  for (const i of p.ofType(TYPES.ingress)) {
    const cls = str(i.props, "spec.ingressClassName") ?? strings(i.props, "metadata.annotations")[A.ingressClass];
    if (!cls || !classes.has(cls)) continue;
    const group = strings(i.props, "metadata.annotations")[A.group];
    const key = group ?? objectName(i);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return [...groups.entries()].map(([key, ingresses]) => {
    const scheme = ingresses.map((i) => strings(i.props, "metadata.annotations")[A.scheme]).find((s) => s !== undefined) ?? "internal";
    return {
      findings: 0,
      id: slug("lb", "alb", key),
      label: `ALB ${key}`,
      urns: ingresses.map((i) => i.urn),
      name: key,
      kind: "ALB",
      scheme: scheme === "internet-facing" ? "internet-facing" : "internal",
      origin: "AWS Load Balancer Controller (Ingress)",
      routes: ingresses.flatMap(ingressRoutes),
    };
  });
}

function ingressRoutes(i: RuleResource): LoadBalancerRoute[] {
  const ns = str(i.props, "metadata.namespace") ?? "default";
  const out: LoadBalancerRoute[] = [];
  const backend = str(i.props, "spec.defaultBackend.service.name");
  if (backend) out.push({ from: "default", to: `${ns}/${backend}` });
  for (const rule of list(i.props, "spec.rules")) {
    const host = str(rule, "host") ?? "*";
    for (const path of list(rule, "http.paths")) {
      const svc = str(path, "backend.service.name");
      if (svc) out.push({ from: `${host}${str(path, "path") ?? "/"}`, to: `${ns}/${svc}` });
    }
  }
  return out;
}

function serviceLbsOf(p: PlanView): LoadBalancerView[] {
  return p
    .ofType("kubernetes:core/v1:Service")
    .filter((s) => str(s.props, "spec.type") === "LoadBalancer")
    .map((s) => {
      const ann = strings(s.props, "metadata.annotations");
      const byController = str(s.props, "spec.loadBalancerClass") === NLB_CLASS || ann[A.lbType] === "external" || ann[A.lbType] === "nlb-ip";
      const internal = byController ? (ann[A.lbScheme] ?? "internal") !== "internet-facing" : ann[A.lbInternal] !== undefined && ann[A.lbInternal] !== "false";
      const name = objectName(s);
      const kind = byController || ann[A.lbType] === "nlb" ? "NLB" : "CLB";
      return {
        findings: 0,
        id: slug("lb", "svc", name),
        label: `${kind} of Service ${name}`,
        urns: [s.urn],
        name,
        kind,
        scheme: internal ? "internal" : "internet-facing",
        origin: byController ? "AWS Load Balancer Controller (Service)" : "in-tree service controller",
        routes: list(s.props, "spec.ports").map((port) => ({ from: `port ${num(port, "port") ?? "?"}/${str(port, "protocol") ?? "TCP"}`, to: name })),
      };
    });
}

function declaredLbsOf(p: PlanView): LoadBalancerView[] {
  const listeners = p.ofType(TYPES.lbListener, TYPES.albListener);
  return p.ofType(TYPES.lb, TYPES.alb).map((lb) => {
    const type = str(lb.props, "loadBalancerType") ?? "application";
    const kind = type === "network" ? "NLB" : type === "gateway" ? "GWLB" : "ALB";
    const mine = listeners.filter((l) => (l.propertyDependencies["loadBalancerArn"] ?? []).includes(lb.urn));
    return {
      findings: 0,
      id: slug("lb", lb.name),
      label: `${kind} ${lb.name}`,
      urns: [lb.urn, ...mine.map((l) => l.urn)],
      name: str(lb.props, "name") ?? lb.name,
      kind,
      scheme: bool(lb.props, "internal") ? "internal" : "internet-facing",
      origin: "Pulumi",
      routes: mine.map((l) => ({
        from: `port ${num(l.props, "port") ?? "?"}/${str(l.props, "protocol") ?? "?"}`,
        to:
          (l.propertyDependencies["defaultActions"] ?? [])
            .map((u) => p.get(u)?.name)
            .filter(Boolean)
            .join(", ") || "default action",
      })),
    };
  });
}
