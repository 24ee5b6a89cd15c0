import { K8S, metaOf, podTemplate, REPLICATED } from "../../lib/k8s";
import { replicasOf } from "../../lib/relations";
import { replicaFloor, workloadLabels } from "../../lib/ha-floor";
import type { StackRule } from "../../lib/rule";
import { eachResource } from "../../lib/stack";

export const rule: StackRule = {
  id: "HA-001",
  slug: "replicas",
  title: "Workloads run at least 2 replicas (3 for critical services in production)",
  family: "ha-k8s",
  severity: "high",
  scope: "stack",
  resourceTypes: [...REPLICATED, K8S.hpa, K8S.hpaV1],
  rationale:
    "One replica means every node drain, eviction or crash is an outage. Critical services in production keep a third " +
    "replica so that one zone can be lost while another pod is being rolled.",
  remediation:
    "Set `services.<name>.replicas` to 2 or more (3 for `criticality: critical` in production). Workloads scaled by an " +
    "HPA are checked by HA-007 instead.",
  check(view, env) {
    return eachResource(view.ofType(...REPLICATED), (r) => {
      const rep = replicasOf(view, r);
      if (rep.hpa) return [];
      const labels = workloadLabels(metaOf(r).labels, podTemplate(r).labels);
      const { floor, why } = replicaFloor(labels, env);
      if (rep.min >= floor) return [];
      return [{ path: "spec.replicas", message: `runs ${rep.min} replica(s) (${rep.source}); needs at least ${floor} (${why})` }];
    });
  },
};
