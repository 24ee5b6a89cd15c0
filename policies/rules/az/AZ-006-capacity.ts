import { AWS } from "../../lib/aws";
import { K8S, podTemplate, REPLICATED } from "../../lib/k8s";
import { replicasOf } from "../../lib/relations";
import type { StackRule, Violation } from "../../lib/rule";
import { maxPodsOf, nodeGroupFacts, schedulableOn, type NodeGroupFacts } from "../../lib/scheduling";
import { eachResource, failClosed } from "../../lib/stack";
import { optNumber, optString, Unevaluable } from "../../lib/values";

/** Share of pod slots kept free for rollouts (maxSurge), rescheduling after a node loss and bursts. */
export const HEADROOM = 0.2;
/** Pods per node that EKS add-ons run as DaemonSets (aws-node, kube-proxy, ebs-csi-node, cloudwatch-agent + fluent-bit, …). */
export const ADDON_DAEMON_PODS: Readonly<Record<string, number>> = { "vpc-cni": 1, "kube-proxy": 1, "aws-ebs-csi-driver": 1, "amazon-cloudwatch-observability": 2, "eks-pod-identity-agent": 1 };
/** Cluster-wide add-on pods (coredns, CSI controller, observability operator) that land on untainted groups. */
export const ADDON_DEPLOYMENT_PODS: Readonly<Record<string, number>> = { coredns: 2, "aws-ebs-csi-driver": 2, "amazon-cloudwatch-observability": 1 };

interface Group extends NodeGroupFacts {
  readonly slots: number;
}

export const rule: StackRule = {
  id: "AZ-006",
  slug: "capacity",
  title: "Node groups can hold the pods that can land on them, with 20% headroom",
  family: "ha-aws",
  severity: "high",
  scope: "stack",
  resourceTypes: [AWS.nodeGroup, AWS.launchTemplate, AWS.addon, ...REPLICATED, K8S.daemonSet, K8S.hpa, K8S.hpaV1],
  rationale:
    "Autoscaling stops at maxSize, and every node takes at most maxPods pods (VPC CNI), whatever its CPU. Pods beyond " +
    "maxSize × (maxPods − DaemonSet pods per node) stay Pending exactly when load peaks. Each workload counts with its " +
    "most pods (the HPA's maxReplicas, else replicas) on the node groups its nodeSelector, node affinity and tolerations " +
    "allow; every set of groups must hold the workloads that can only run inside it (Hall's condition), keeping " +
    `${HEADROOM * 100}% free for surges and rescheduling.`,
  remediation: "Raise `nodeGroups.<name>.maxSize`, pick instance types with more pods per node, or lower the services' `autoscaling.maxReplicas`.",
  check(view) {
    const out: Violation[] = [];
    const addons = view.ofType(AWS.addon).map((a) => optString(a.props, "addonName") ?? "");
    const addonPerNode = addons.reduce((n, a) => n + (ADDON_DAEMON_PODS[a] ?? 0), 0);
    const daemonSets = view.ofType(K8S.daemonSet);
    const groups: Group[] = [];
    for (const g of view.ofType(AWS.nodeGroup)) {
      try {
        const facts = nodeGroupFacts(g);
        const lt = view.referenced(g, "launchTemplate", AWS.launchTemplate)[0];
        const maxSize = optNumber(g.props, "scalingConfig.maxSize");
        if (maxSize === undefined) throw new Unevaluable("scalingConfig.maxSize", "the value is missing");
        const perNode = addonPerNode + daemonSets.filter((d) => schedulableOn(podTemplate(d).spec, facts, "spec.template.spec")).length;
        groups.push({ ...facts, slots: maxSize * Math.max(0, maxPodsOf(g, lt) - perNode) });
      } catch (err) {
        out.push(failClosed(err, g.urn));
      }
    }
    if (groups.length === 0) return out;
    const demand: { mask: number; pods: number }[] = [];
    out.push(
      ...eachResource(view.ofType(...REPLICATED), (w) => {
        const spec = podTemplate(w).spec;
        const mask = groups.reduce((m, g, i) => (schedulableOn(spec, g, "spec.template.spec") ? m | (1 << i) : m), 0);
        if (mask === 0) return [{ path: "spec.template.spec", message: `no node group accepts its pods (nodeSelector, node affinity or tolerations match none of ${groups.map((g) => g.name).join(", ")})` }];
        demand.push({ mask, pods: replicasOf(view, w).max });
        return [];
      }),
    );
    const untainted = groups.reduce((m, g, i) => (g.taints.every((t) => t.effect === "PreferNoSchedule") ? m | (1 << i) : m), 0);
    const addonPods = addons.reduce((n, a) => n + (ADDON_DEPLOYMENT_PODS[a] ?? 0), 0);
    if (addonPods > 0 && untainted !== 0) demand.push({ mask: untainted, pods: addonPods });
    out.push(...overloadedSets(groups, demand));
    return out;
  },
};

/** Minimal sets of node groups whose workloads exceed their usable slots. */
function overloadedSets(groups: readonly Group[], demand: readonly { mask: number; pods: number }[]): Violation[] {
  const n = groups.length;
  const masks = n <= 12 ? Array.from({ length: (1 << n) - 1 }, (_, i) => i + 1) : [...groups.map((_, i) => 1 << i), (1 << n) - 1];
  const failing: number[] = [];
  const out: Violation[] = [];
  for (const set of masks.sort((a, b) => popcount(a) - popcount(b) || a - b)) {
    if (failing.some((f) => (f & set) === f)) continue;
    const pods = demand.filter((d) => (d.mask & set) === d.mask).reduce((s, d) => s + d.pods, 0);
    const members = groups.filter((_, i) => set & (1 << i));
    const slots = members.reduce((s, g) => s + g.slots, 0);
    const usable = Math.floor(slots * (1 - HEADROOM));
    if (pods === 0 || pods <= usable) continue;
    failing.push(set);
    const names = members.map((g) => g.name).join(" + ");
    out.push({
      urn: members[0]!.resource.urn,
      path: "scalingConfig.maxSize",
      message: `${names}: up to ${pods} pods can only run here but ${slots} pod slots at maxSize leave ${usable} after ${HEADROOM * 100}% headroom`,
    });
  }
  return out;
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}

