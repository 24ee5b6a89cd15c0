/**
 * The Deployment of a service: pod template with HA placement (spread over zones and hosts),
 * node-group placement, rollout strategy by criticality, and no `spec.replicas` when an HPA
 * owns the replica count (kubectl apply and server-side apply would otherwise reset it).
 */
import type { ResolvedService } from "../../src/spec/schema";
import type { Manifest } from "../../src/manifests/types";
import { container, TMP_VOLUME } from "./container";
import type { WorkloadContext } from "./context";
import { NODE_GROUP_LABEL, selectorLabels, serviceLabels, serviceMetadata } from "./labels";

/** Node-group taint effects (EKS API spelling) → Kubernetes spelling. */
const TAINT_EFFECT = { NO_SCHEDULE: "NoSchedule", NO_EXECUTE: "NoExecute", PREFER_NO_SCHEDULE: "PreferNoSchedule" } as const;

export const ZONE_KEY = "topology.kubernetes.io/zone";
export const HOSTNAME_KEY = "kubernetes.io/hostname";

/**
 * Critical services never lose serving capacity during a rollout (maxUnavailable 0, surge
 * instead); the others roll a quarter at a time.
 */
export function rolloutStrategy(svc: ResolvedService): Record<string, unknown> {
  return svc.criticality === "critical"
    ? { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } }
    : { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } };
}

/**
 * Spread over zones, then hosts. ScheduleAnyway: a hard constraint would leave pods pending when
 * a zone is impaired, which is when they are needed most. `matchLabelKeys: pod-template-hash`
 * spreads each ReplicaSet of a rollout on its own.
 */
export function topologySpread(name: string): Record<string, unknown>[] {
  return [ZONE_KEY, HOSTNAME_KEY].map((topologyKey) => ({
    labelSelector: { matchLabels: selectorLabels(name) },
    matchLabelKeys: ["pod-template-hash"],
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: "ScheduleAnyway",
  }));
}

/** Preferred host anti-affinity: what kube-score and kube-linter look for besides spread constraints. */
export function hostAntiAffinity(name: string): Record<string, unknown> {
  return {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 100, podAffinityTerm: { labelSelector: { matchLabels: selectorLabels(name) }, topologyKey: HOSTNAME_KEY } },
      ],
    },
  };
}

/** nodeSelector and tolerations for the service's node group (none without `nodeGroup`). */
export function nodePlacement(svc: ResolvedService, ctx: WorkloadContext): Record<string, unknown> {
  if (svc.nodeGroup === undefined) return {};
  const group = ctx.nodeGroups[svc.nodeGroup];
  const tolerations = (group?.taints ?? []).map((t) =>
    t.value !== undefined
      ? { key: t.key, operator: "Equal", value: t.value, effect: TAINT_EFFECT[t.effect] }
      : { key: t.key, operator: "Exists", effect: TAINT_EFFECT[t.effect] },
  );
  return { nodeSelector: { [NODE_GROUP_LABEL]: svc.nodeGroup }, ...(tolerations.length ? { tolerations } : {}) };
}

export function deployment(name: string, svc: ResolvedService, ctx: WorkloadContext): Manifest {
  const sc = svc.securityContext;
  const podAnnotations = svc.podAnnotations;
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: serviceMetadata(name, svc, ctx),
    spec: {
      ...(svc.autoscaling.enabled ? {} : { replicas: svc.replicas }),
      selector: { matchLabels: selectorLabels(name) },
      strategy: rolloutStrategy(svc),
      template: {
        metadata: {
          labels: { ...svc.podLabels, ...serviceLabels(name, svc, ctx) },
          ...(Object.keys(podAnnotations).length ? { annotations: { ...podAnnotations } } : {}),
        },
        spec: {
          affinity: hostAntiAffinity(name),
          // No RBAC is granted to services; IRSA uses its own projected token, not this one.
          automountServiceAccountToken: false,
          containers: [container(name, svc)],
          ...nodePlacement(svc, ctx),
          securityContext: {
            fsGroup: sc.runAsGroup ?? sc.runAsUser,
            runAsNonRoot: sc.runAsNonRoot,
            seccompProfile: { type: "RuntimeDefault" },
          },
          serviceAccountName: name,
          topologySpreadConstraints: topologySpread(name),
          ...(sc.readOnlyRootFilesystem ? { volumes: [{ name: TMP_VOLUME, emptyDir: {} }] } : {}),
        },
      },
    },
  };
}
