import { HPAS, metaOf, podTemplate, REPLICATED } from "../../lib/k8s";
import { workloadScaledBy } from "../../lib/relations";
import { replicaFloor, workloadLabels } from "../../lib/ha-floor";
import type { StackRule } from "../../lib/rule";
import { eachResource } from "../../lib/stack";
import { optNumber, optString } from "../../lib/values";

export const rule: StackRule = {
  id: "HA-007",
  slug: "hpa",
  title: "HorizontalPodAutoscalers keep a floor of 2 (3 for critical in production) and own the replica count",
  family: "ha-k8s",
  severity: "high",
  scope: "stack",
  resourceTypes: [...HPAS, ...REPLICATED],
  rationale:
    "An HPA's minReplicas (default 1) is the workload's real replica count at night. The HPA must target an existing " +
    "workload in its namespace, leave room to scale (maxReplicas > minReplicas), and be the only owner of the count: a " +
    "Deployment that also sets spec.replicas is reset to it on every apply. PDB consistency at the HPA floor is checked " +
    "by HA-003, which uses minReplicas as the expected pod count.",
  remediation:
    "Set `services.<name>.autoscaling.minReplicas` ≥ 2 (3 for critical services in production) and maxReplicas above it; " +
    "the workload component omits `spec.replicas` when autoscaling is on.",
  check(view, env) {
    return eachResource(view.ofType(...HPAS), (h) => {
      const hm = metaOf(h);
      const kind = optString(h.props, "spec.scaleTargetRef.kind") ?? "";
      const name = optString(h.props, "spec.scaleTargetRef.name") ?? "";
      const target = workloadScaledBy(view, h);
      if (!target) return [{ path: "spec.scaleTargetRef", message: `targets ${kind}/${name}, which does not exist in namespace ${hm.namespace}` }];
      const min = optNumber(h.props, "spec.minReplicas") ?? 1;
      const max = optNumber(h.props, "spec.maxReplicas") ?? 0;
      const { floor, why } = replicaFloor(workloadLabels(metaOf(target).labels, podTemplate(target).labels), env);
      const out = [];
      if (min < floor) out.push({ path: "spec.minReplicas", message: `minReplicas ${min} is below ${floor} (${why})` });
      if (max <= min) out.push({ path: "spec.maxReplicas", message: `maxReplicas ${max} leaves no room to scale above minReplicas ${min}` });
      const fixed = optNumber(target.props, "spec.replicas");
      if (fixed !== undefined) out.push({ urn: target.urn, path: "spec.replicas", message: `sets spec.replicas ${fixed} while the HPA ${hm.name} scales it; every apply resets the HPA's choice` });
      return out;
    });
  },
};
