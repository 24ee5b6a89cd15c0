/**
 * The Service of a service, by exposure: none → no Service; cluster → ClusterIP; internal → an
 * internal NLB (AWS Load Balancer Controller, IP targets); public → ClusterIP behind the ALB
 * Ingress (ingress.ts). Ports target the container ports by name.
 */
import type { ResolvedService } from "../../src/spec/schema";
import type { Manifest } from "../../src/manifests/types";
import type { WorkloadContext } from "./context";
import { selectorLabels, serviceMetadata } from "./labels";

/** Handled by the AWS Load Balancer Controller (≥ 2.4), not the in-tree cloud provider. */
export const NLB_CLASS = "service.k8s.aws/nlb";

export const INTERNAL_NLB_ANNOTATIONS: Readonly<Record<string, string>> = {
  "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
  "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
};

export function servicePorts(svc: ResolvedService): Record<string, unknown>[] {
  return svc.ports.map((p) => ({ name: p.name, port: p.servicePort ?? p.containerPort, protocol: p.protocol, targetPort: p.name }));
}

export function service(name: string, svc: ResolvedService, ctx: WorkloadContext): Manifest | undefined {
  const type = svc.exposure.type;
  if (type === "none") return undefined;
  const meta = serviceMetadata(name, svc, ctx);
  if (type === "internal") {
    return {
      apiVersion: "v1",
      kind: "Service",
      metadata: { ...meta, annotations: { ...INTERNAL_NLB_ANNOTATIONS } },
      spec: {
        // IP targets reach pods directly: no node ports to open.
        allocateLoadBalancerNodePorts: false,
        loadBalancerClass: NLB_CLASS,
        ports: servicePorts(svc),
        selector: selectorLabels(name),
        type: "LoadBalancer",
      },
    };
  }
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: meta,
    spec: { ports: servicePorts(svc), selector: selectorLabels(name), type: "ClusterIP" },
  };
}
