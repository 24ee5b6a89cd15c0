import { LABEL, metaOf, podTemplate, REPLICATED, selectorMatches } from "../../lib/k8s";
import type { ResourceRule, Violation } from "../../lib/rule";
import { optArray, optNumber, optObject, optString } from "../../lib/values";

const ZONE_KEYS = [LABEL.zone, "failure-domain.beta.kubernetes.io/zone"];
const DOMAINS = [
  { name: "zone", keys: ZONE_KEYS },
  { name: "node", keys: [LABEL.hostname] },
];

export const rule: ResourceRule = {
  id: "HA-004",
  slug: "topology-spread",
  title: "Replicas spread over zones and nodes",
  family: "ha-k8s",
  severity: "medium",
  scope: "resource",
  resourceTypes: [...REPLICATED],
  rationale:
    "Replicas packed on one node or in one zone fail together. Each domain (zone and node) must be covered either by a " +
    "topologySpreadConstraint on `topology.kubernetes.io/zone` / `kubernetes.io/hostname` or by a required pod " +
    "anti-affinity term on that key, and its label selector must match the workload's own pod labels (a selector that " +
    "matches nothing spreads nothing). Both forms are accepted, unlike tools that only know one of them.",
  remediation:
    "Let the workload component add topologySpreadConstraints for both keys with `labelSelector.matchLabels` equal to " +
    "the pod's `app.kubernetes.io/name` label; AZ-007 checks that node groups span the zones.",
  check(r) {
    const replicas = optNumber(r.props, "spec.replicas");
    if (replicas !== undefined && replicas < 2) return []; // HA-001 reports it; one pod cannot spread
    const pod = podTemplate(r);
    const ns = metaOf(r).namespace;
    const spreads = (optArray(pod.spec, "topologySpreadConstraints", "spec.template.spec.topologySpreadConstraints") ?? []).filter((c, i) => {
      const path = `spec.template.spec.topologySpreadConstraints[${i}]`;
      const skew = optNumber(c, "maxSkew", `${path}.maxSkew`);
      return skew !== undefined && skew >= 1 && selectorMatches(optObject(c, "labelSelector", `${path}.labelSelector`), pod.labels, `${path}.labelSelector`);
    });
    const antiPath = "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution";
    const anti = (optArray(pod.spec, "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution", antiPath) ?? []).filter((t, i) => {
      const namespaces = optArray(t, "namespaces", `${antiPath}[${i}].namespaces`);
      if (namespaces && namespaces.length > 0 && !namespaces.includes(ns)) return false;
      return selectorMatches(optObject(t, "labelSelector", `${antiPath}[${i}].labelSelector`), pod.labels, `${antiPath}[${i}].labelSelector`);
    });
    const keyOf = (x: unknown, path: string) => optString(x, "topologyKey", path) ?? "";
    const out: Violation[] = [];
    for (const d of DOMAINS) {
      const covered =
        spreads.some((c) => d.keys.includes(keyOf(c, "topologySpreadConstraints[].topologyKey"))) ||
        anti.some((t) => d.keys.includes(keyOf(t, `${antiPath}[].topologyKey`)));
      if (!covered) {
        out.push({
          path: "spec.template.spec.topologySpreadConstraints",
          message: `nothing spreads its pods across ${d.name}s: add a topologySpreadConstraint (or a required pod anti-affinity) on ${d.keys[0]} selecting its own pod labels`,
        });
      }
    }
    return out;
  },
};
