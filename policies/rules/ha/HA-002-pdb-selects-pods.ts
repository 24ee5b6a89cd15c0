import { K8S, metaOf, REPLICATED } from "../../lib/k8s";
import { pdbsSelecting, replicasOf, workloadsSelectedBy } from "../../lib/relations";
import type { StackRule } from "../../lib/rule";
import { eachResource } from "../../lib/stack";

export const rule: StackRule = {
  id: "HA-002",
  slug: "pdb-selects-pods",
  title: "Exactly one PodDisruptionBudget selects the pods of each replicated workload",
  family: "ha-k8s",
  severity: "high",
  scope: "stack",
  resourceTypes: [...REPLICATED, K8S.pdb, K8S.hpa, K8S.hpaV1],
  rationale:
    "Without a PDB, a node drain or a Karpenter consolidation may evict every replica at once. Matching is done with the " +
    "API server's semantics (matchLabels AND matchExpressions, in the workload's namespace after defaulting), not the " +
    "any-one-label shortcut that lets a shared label make a PDB look right. Two PDBs over the same pod make the eviction " +
    "API refuse to evict it at all; a PDB that selects nothing protects nothing.",
  remediation:
    "Let the workload component create the service's PDB with the pod template's own labels as `spec.selector.matchLabels`; " +
    "remove extra or dangling PDBs.",
  check(view) {
    const workloads = eachResource(view.ofType(...REPLICATED), (w) => {
      if (replicasOf(view, w).max < 2) return [];
      const pdbs = pdbsSelecting(view, w);
      const ns = metaOf(w).namespace;
      if (pdbs.length === 0) return [{ message: `no PodDisruptionBudget in namespace ${ns} selects its pods` }];
      if (pdbs.length > 1) {
        const names = pdbs.map((p) => metaOf(p).name).join(", ");
        return [{ message: `${pdbs.length} PodDisruptionBudgets select its pods (${names}); the eviction API refuses to evict a pod covered by more than one` }];
      }
      return [];
    });
    const dangling = eachResource(view.ofType(K8S.pdb), (p) =>
      workloadsSelectedBy(view, p).length === 0
        ? [{ path: "spec.selector", message: `selects no pods: no Deployment or StatefulSet in namespace ${metaOf(p).namespace} has matching pod labels` }]
        : [],
    );
    return [...workloads, ...dangling];
  },
};
