/**
 * The internet-facing ALB of a public service (AWS Load Balancer Controller). HTTPS with the
 * certificate discovered in ACM from the host name (spec.tls), HTTP redirected to HTTPS, IP
 * targets, one shared ALB per platform (an ingress group) rather than one per service.
 */
import type { ResolvedService } from "../../src/spec/schema";
import type { Manifest } from "../../src/manifests/types";
import type { WorkloadContext } from "./context";
import { serviceMetadata } from "./labels";

export const ALB_INGRESS_CLASS = "alb";
export const ALB_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** The ALB health check follows the readiness probe when it is an HTTP check on the routed port. */
function healthCheckPath(svc: ResolvedService, portName: string, containerPort: number): string | undefined {
  const http = svc.probes.readiness?.httpGet;
  return http && (http.port === portName || http.port === containerPort) ? http.path : undefined;
}

export function albIngress(name: string, svc: ResolvedService, ctx: WorkloadContext): Manifest | undefined {
  if (svc.exposure.type !== "public") return undefined;
  const host = svc.exposure.host!;
  const port = svc.ports[0]!;
  const check = healthCheckPath(svc, port.name, port.containerPort);
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: {
      ...serviceMetadata(name, svc, ctx),
      annotations: {
        "alb.ingress.kubernetes.io/group.name": `${ctx.platform}-public`,
        ...(check !== undefined ? { "alb.ingress.kubernetes.io/healthcheck-path": check } : {}),
        "alb.ingress.kubernetes.io/listen-ports": '[{"HTTP":80},{"HTTPS":443}]',
        "alb.ingress.kubernetes.io/scheme": "internet-facing",
        "alb.ingress.kubernetes.io/ssl-policy": ALB_SSL_POLICY,
        "alb.ingress.kubernetes.io/ssl-redirect": "443",
        "alb.ingress.kubernetes.io/target-type": "ip",
      },
    },
    spec: {
      ingressClassName: ALB_INGRESS_CLASS,
      rules: [
        {
          host,
          http: { paths: [{ path: svc.exposure.path, pathType: "Prefix", backend: { service: { name, port: { name: port.name } } } }] },
        },
      ],
      tls: [{ hosts: [host] }],
    },
  };
}
