/** The HorizontalPodAutoscaler (autoscaling/v2) of a service with autoscaling enabled. */
import type { ResolvedService } from "../../src/spec/schema";
import type { Manifest } from "../../src/manifests/types";
import type { WorkloadContext } from "./context";
import { serviceMetadata } from "./labels";

export function horizontalPodAutoscaler(name: string, svc: ResolvedService, ctx: WorkloadContext): Manifest | undefined {
  const a = svc.autoscaling;
  if (!a.enabled) return undefined;
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: serviceMetadata(name, svc, ctx),
    spec: {
      maxReplicas: a.maxReplicas!,
      metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: a.targetCPUUtilization } } }],
      minReplicas: a.minReplicas!,
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
    },
  };
}
