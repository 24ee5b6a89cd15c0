import { AWS, distinctAzIds, subnetsOf } from "../../lib/aws";
import { LABEL, podTemplate, REPLICATED } from "../../lib/k8s";
import type { StackRule } from "../../lib/rule";
import { nodeGroupFacts, schedulableOn } from "../../lib/scheduling";
import { eachResource } from "../../lib/stack";
import { optArray, optString } from "../../lib/values";

const ZONE_KEYS = [LABEL.zone, "failure-domain.beta.kubernetes.io/zone"];

export const rule: StackRule = {
  id: "AZ-007",
  slug: "zone-spread-capacity",
  title: "Workloads that spread over zones can reach node groups in 2 AZ IDs",
  family: "ha-aws",
  severity: "high",
  scope: "stack",
  resourceTypes: [...REPLICATED, AWS.nodeGroup, AWS.subnet],
  rationale:
    "A zone topology spread (or zone anti-affinity) only helps if the node groups the pods may use have nodes in several " +
    "zones; with `DoNotSchedule` the extra replicas stay Pending, with `ScheduleAnyway` they silently share one zone.",
  remediation: "Spread the node group the service targets (`nodeGroups.<name>.azIds`), or let the service use a group that spans zones.",
  check(view) {
    const groups = view.ofType(AWS.nodeGroup);
    return eachResource(view.ofType(...REPLICATED), (w) => {
      const pod = podTemplate(w);
      const spreads = optArray(pod.spec, "topologySpreadConstraints", "spec.template.spec.topologySpreadConstraints") ?? [];
      const anti = optArray(pod.spec, "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution", "spec.template.spec.affinity.podAntiAffinity") ?? [];
      const wantsZones = [...spreads, ...anti].some((c) => ZONE_KEYS.includes(optString(c, "topologyKey", "topologyKey") ?? ""));
      if (!wantsZones) return [];
      const eligible = groups.filter((g) => schedulableOn(pod.spec, nodeGroupFacts(g), "spec.template.spec"));
      const azs = distinctAzIds(eligible.flatMap((g) => subnetsOf(view, g, "subnetIds", "subnetIds")));
      if (azs.length >= 2) return [];
      const names = eligible.map((g) => nodeGroupFacts(g).name).join(", ") || "none";
      return [{ path: "spec.template.spec.topologySpreadConstraints", message: `spreads over zones but the node groups it can use (${names}) span ${azs.length} AZ ID(s)${azs.length ? ` (${azs.join(", ")})` : ""}` }];
    });
  },
};
