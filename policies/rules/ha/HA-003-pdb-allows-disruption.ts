import { K8S, metaOf, REPLICATED, scaleIntOrPercent } from "../../lib/k8s";
import { replicasOf, workloadsSelectedBy } from "../../lib/relations";
import type { StackRule } from "../../lib/rule";
import { eachResource } from "../../lib/stack";
import { optional, quote } from "../../lib/values";

export const rule: StackRule = {
  id: "HA-003",
  slug: "pdb-allows-disruption",
  title: "PodDisruptionBudgets allow at least one disruption at the workload's smallest scale",
  family: "ha-k8s",
  severity: "high",
  scope: "stack",
  resourceTypes: [K8S.pdb, ...REPLICATED, K8S.hpa, K8S.hpaV1],
  rationale:
    "A PDB that allows zero disruptions blocks every node drain, cluster upgrade and consolidation until someone deletes " +
    "it by hand. Allowed disruptions are computed as the disruption controller does: the expected pod count is the sum of " +
    "the selected workloads' replicas (the HPA's minReplicas for autoscaled ones, the lowest count they can run at), and " +
    "percentages are rounded up for both minAvailable and maxUnavailable.",
  remediation:
    "Use `maxUnavailable: 1` (or a percentage), or keep `minAvailable` below the replica count; raise " +
    "`services.<name>.autoscaling.minReplicas` when the HPA floor equals minAvailable.",
  check(view) {
    return eachResource(view.ofType(K8S.pdb), (p) => {
      const selected = workloadsSelectedBy(view, p);
      if (selected.length === 0) return []; // HA-002 reports dangling PDBs
      const minAvailable = optional(p.props, "spec.minAvailable");
      const maxUnavailable = optional(p.props, "spec.maxUnavailable");
      if (minAvailable === undefined && maxUnavailable === undefined) {
        return [{ path: "spec", message: "sets neither minAvailable nor maxUnavailable: it states no budget at all" }];
      }
      if (minAvailable !== undefined && maxUnavailable !== undefined) {
        return [{ path: "spec", message: "sets both minAvailable and maxUnavailable; the API server rejects it" }];
      }
      const counts = selected.map((w) => ({ name: metaOf(w).name, rep: replicasOf(view, w) }));
      const expected = counts.reduce((n, c) => n + c.rep.min, 0);
      const from = counts.map((c) => `${c.name}: ${c.rep.source}`).join("; ");
      let allowed: number;
      let budget: string;
      if (maxUnavailable !== undefined) {
        allowed = Math.min(expected, scaleIntOrPercent(maxUnavailable, expected, "spec.maxUnavailable"));
        budget = `maxUnavailable ${quote(maxUnavailable)}`;
      } else {
        allowed = Math.max(0, expected - scaleIntOrPercent(minAvailable, expected, "spec.minAvailable"));
        budget = `minAvailable ${quote(minAvailable)}`;
      }
      if (allowed > 0) return [];
      return [{ path: maxUnavailable !== undefined ? "spec.maxUnavailable" : "spec.minAvailable", message: `${budget} allows 0 disruptions at ${expected} expected pod(s) (${from}): every drain and upgrade blocks` }];
    });
  },
};
