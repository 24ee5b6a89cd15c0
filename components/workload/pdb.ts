/**
 * The PodDisruptionBudget of a service: `maxUnavailable: 1`, always.
 *
 * Why not minAvailable: a minAvailable of N blocks every voluntary eviction whenever the service
 * runs N pods or fewer (a dev env with one replica, an HPA at its floor, a rollout in progress),
 * which stalls node drains and cluster upgrades. maxUnavailable 1 allows exactly one eviction at a
 * time for any replica count and follows the HPA without being recomputed, so it can neither
 * block all evictions nor demand more pods than the HPA's minimum. Unhealthy pods may always be
 * evicted: a crash-looping pod must not hold a drain hostage.
 */
import type { ResolvedService } from "../../src/spec/schema";
import type { Manifest } from "../../src/manifests/types";
import type { WorkloadContext } from "./context";
import { selectorLabels, serviceMetadata } from "./labels";

export const PDB_MAX_UNAVAILABLE = 1;

export function podDisruptionBudget(name: string, svc: ResolvedService, ctx: WorkloadContext): Manifest {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: serviceMetadata(name, svc, ctx),
    spec: {
      maxUnavailable: PDB_MAX_UNAVAILABLE,
      selector: { matchLabels: selectorLabels(name) },
      unhealthyPodEvictionPolicy: "AlwaysAllow",
    },
  };
}
