import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planService } from "../../../components/workload/index";
import type { Manifest } from "../../../src/manifests/types";
import { ctx, svc } from "./fixtures";

const name = fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/);
const criticality = fc.constantFrom("critical", "standard", "best-effort");
const exposure = fc.constantFrom("none", "cluster", "internal", "public");
const podLabels = fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[a-z0-9]{1,8}$/), { maxKeys: 3 });
const scaling = fc.oneof(
  fc.record({ replicas: fc.integer({ min: 0, max: 50 }), autoscaling: fc.constant({ enabled: false }) }),
  fc
    .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }))
    .chain(([min, extra]) => fc.record({ replicas: fc.integer({ min: 0, max: min + extra }), autoscaling: fc.constant({ enabled: true, minReplicas: min, maxReplicas: min + extra }) })),
);
const serviceArb = fc.record({ name, criticality, exposure, podLabels, scaling });

function plan(s: ArbValue<typeof serviceArb>): { manifests: readonly Manifest[]; replicaRange: [number, number] } {
  const raw = {
    criticality: s.criticality,
    exposure: s.exposure === "public" ? { type: "public", host: "x.example.com" } : { type: s.exposure },
    podLabels: s.podLabels,
    ...s.scaling,
  };
  const c = ctx({ [s.name]: svc(raw) });
  const a = s.scaling.autoscaling as { enabled: boolean; minReplicas?: number; maxReplicas?: number };
  return { manifests: planService(s.name, c).manifests, replicaRange: a.enabled ? [a.minReplicas!, a.maxReplicas!] : [s.scaling.replicas, s.scaling.replicas] };
}

/** Evictions a PDB allows with `pods` healthy pods of `desired` (Kubernetes' disruption controller maths). */
function allowedDisruptions(pdb: { minAvailable?: number | string; maxUnavailable?: number | string }, desired: number, healthy: number): number {
  const scaled = (v: number | string, roundUp: boolean) =>
    typeof v === "number" ? v : (roundUp ? Math.ceil : Math.floor)((Number.parseInt(v, 10) * desired) / 100);
  const need = pdb.minAvailable !== undefined ? scaled(pdb.minAvailable, true) : desired - scaled(pdb.maxUnavailable!, true);
  return Math.max(0, healthy - need);
}

const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);

describe("workload invariants (property-based)", () => {
  it("the PDB never blocks every eviction, for any replica count in the HPA's range", () => {
    fc.assert(
      fc.property(serviceArb, fc.integer({ min: 0, max: 60 }), (s, pick) => {
        const { manifests, replicaRange } = plan(s);
        const pdb = manifests.find((m) => m.kind === "PodDisruptionBudget")!.spec as { minAvailable?: number; maxUnavailable?: number };
        const [lo, hi] = replicaRange;
        const desired = lo + (hi > lo ? pick % (hi - lo + 1) : 0);
        if (desired >= 1) {
          expect(allowedDisruptions(pdb, desired, desired)).toBeGreaterThanOrEqual(1);
        }
        if (pdb.minAvailable !== undefined) {
          expect(pdb.minAvailable).toBeLessThan(Math.max(lo, 1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("every selector of a service matches its pod template labels", () => {
    fc.assert(
      fc.property(serviceArb, (s) => {
        const { manifests } = plan(s);
        const deployment = manifests.find((m) => m.kind === "Deployment")!.spec as Record<string, any>;
        const labels = deployment.template.metadata.labels as Record<string, string>;
        const selectors: Record<string, string>[] = [
          deployment.selector.matchLabels,
          ...deployment.template.spec.topologySpreadConstraints.map((t: any) => t.labelSelector.matchLabels),
          ...deployment.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution.map((t: any) => t.podAffinityTerm.labelSelector.matchLabels),
        ];
        for (const m of manifests) {
          const spec = m.spec as Record<string, any> | undefined;
          if (m.kind === "Service") selectors.push(spec!.selector);
          if (m.kind === "PodDisruptionBudget") selectors.push(spec!.selector.matchLabels);
          if (m.kind === "NetworkPolicy") selectors.push(spec!.podSelector.matchLabels);
        }
        for (const sel of selectors) {
          expect(Object.keys(sel).length).toBeGreaterThan(0);
          expect(matches(sel, labels)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("an HPA owns the replica count: the Deployment omits spec.replicas exactly when one exists", () => {
    fc.assert(
      fc.property(serviceArb, (s) => {
        const { manifests } = plan(s);
        const hpa = manifests.find((m) => m.kind === "HorizontalPodAutoscaler");
        const replicas = (manifests.find((m) => m.kind === "Deployment")!.spec as Record<string, unknown>).replicas;
        expect(replicas === undefined).toBe(hpa !== undefined);
        if (hpa) {
          const spec = hpa.spec as { minReplicas: number; maxReplicas: number; scaleTargetRef: { name: string } };
          expect(spec.minReplicas).toBeLessThanOrEqual(spec.maxReplicas);
          expect(spec.scaleTargetRef.name).toBe(s.name);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("every NetworkPolicy rule names its ports, and objects exist exactly for their exposure", () => {
    fc.assert(
      fc.property(serviceArb, (s) => {
        const { manifests } = plan(s);
        const np = manifests.find((m) => m.kind === "NetworkPolicy")!.spec as { ingress?: { ports: unknown[] }[]; egress?: { ports: unknown[] }[] };
        for (const rule of [...(np.ingress ?? []), ...(np.egress ?? [])]) {
          expect(rule.ports.length).toBeGreaterThan(0);
        }
        expect(manifests.some((m) => m.kind === "Service")).toBe(s.exposure !== "none");
        expect(manifests.some((m) => m.kind === "Ingress")).toBe(s.exposure === "public");
      }),
      { numRuns: 200 },
    );
  });
});

/** The value type an arbitrary generates. */
type ArbValue<A> = A extends fc.Arbitrary<infer T> ? T : never;
