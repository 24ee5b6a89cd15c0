/**
 * The cluster part of the map: the EKS control plane, the managed node groups, and the
 * workloads each node group may run with their replicas and how they are reached.
 *
 * - The control plane's ENIs go in the subnets of `vpcConfig.subnetIds`; the endpoint is public
 *   and not private unless set (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html).
 * - Placement is the scheduler's: nodeSelector, required node affinity and tolerations against
 *   each node group's labels and taints (policies/lib/scheduling.ts, which the capacity rule
 *   uses too, so the map and the policy agree on where pods land).
 * - Replicas are the HPA's range when one scales the workload, else spec.replicas (default 1).
 */
import { POD_OWNERS, podTemplate } from "../../policies/lib/k8s";
import { replicasOf } from "../../policies/lib/relations";
import type { RuleResource } from "../../policies/lib/rule";
import { EFFECTS, maxPodsOf, nodeGroupFacts, schedulableOn, type NodeGroupFacts } from "../../policies/lib/scheduling";
import { compareStrings } from "../util/stable-json";
import { loadBalancersOf, objectName } from "./load-balancers";
import type { ClusterView, LoadBalancerView, MapView, NodeGroupView, WorkloadView } from "./model";
import { bool, list, num, type PlanView, slug, sortedUnique, str, strings, subnetAz, TYPES } from "./plan-view";

type ClusterParts = Pick<MapView, "cluster" | "nodeGroups" | "unplaced" | "loadBalancers">;

export function clusterOf(p: PlanView): ClusterParts {
  const loadBalancers = loadBalancersOf(p);
  const groups = p.ofType(TYPES.nodeGroup).map((g) => ({ g, facts: attempt(() => nodeGroupFacts(g)) }));
  const placed = new Map<string, WorkloadView[]>();
  const unplaced: WorkloadView[] = [];
  for (const w of p.ofType(...POD_OWNERS)) {
    const spec = attempt(() => podTemplate(w).spec);
    const on = groups.filter((x) => spec && x.facts && attempt(() => schedulableOn(spec, x.facts as NodeGroupFacts, "spec.template.spec"))).map((x) => x.g);
    const names = on.map(groupName);
    const base = workloadView(p, w, loadBalancers);
    if (on.length === 0) unplaced.push({ ...base, alsoOn: [] });
    for (const g of on) placed.set(g.urn, [...(placed.get(g.urn) ?? []), { ...base, alsoOn: names.filter((n) => n !== groupName(g)) }]);
  }
  const cluster = p.ofType(TYPES.cluster)[0];
  return {
    ...(cluster ? { cluster: clusterView(p, cluster) } : {}),
    nodeGroups: groups.map(({ g }) => nodeGroupView(p, g, placed.get(g.urn) ?? [])).sort((a, b) => compareStrings(a.name, b.name)),
    unplaced: unplaced.sort(byWorkload),
    loadBalancers,
  };
}

function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

const groupName = (g: RuleResource) => str(g.props, "nodeGroupName") ?? g.name;
const byWorkload = (a: WorkloadView, b: WorkloadView) => compareStrings(a.namespace, b.namespace) || compareStrings(a.name, b.name) || compareStrings(a.kind, b.kind);

function clusterView(p: PlanView, c: RuleResource): ClusterView {
  const pub = bool(c.props, "vpcConfig.endpointPublicAccess") ?? true;
  const priv = bool(c.props, "vpcConfig.endpointPrivateAccess") ?? false;
  return {
    findings: 0,
    id: slug("eks", c.name),
    label: `EKS control plane ${c.name}`,
    urns: [c.urn],
    name: str(c.props, "name") ?? c.name,
    version: str(c.props, "version") ?? "?",
    endpoint: pub && priv ? "public and private" : pub ? "public" : "private",
    azIds: sortedUnique(p.refs(c, "vpcConfig", TYPES.subnet).map(subnetAz)),
  };
}

function nodeGroupView(p: PlanView, g: RuleResource, workloads: readonly WorkloadView[]): NodeGroupView {
  const lt = p.refs(g, "launchTemplate", TYPES.launchTemplate)[0];
  // Read as the capacity rule reads it; else what the stackplan node group component recorded.
  const maxPods = attempt(() => maxPodsOf(g, lt)) ?? componentMaxPods(p, g);
  const min = num(g.props, "scalingConfig.minSize");
  const desired = num(g.props, "scalingConfig.desiredSize");
  const max = num(g.props, "scalingConfig.maxSize");
  return {
    findings: 0,
    id: slug("ng", g.name),
    label: `node group ${groupName(g)}`,
    urns: [g.urn, ...(lt ? [lt.urn] : [])],
    name: groupName(g),
    instanceTypes: list(g.props, "instanceTypes").filter((t): t is string => typeof t === "string"),
    // EKS's default capacity type (https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html).
    capacityType: str(g.props, "capacityType") ?? "ON_DEMAND",
    ...(min !== undefined ? { min } : {}),
    ...(desired !== undefined ? { desired } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(maxPods !== undefined ? { maxPods } : {}),
    azIds: sortedUnique(p.refs(g, "subnetIds", TYPES.subnet).map(subnetAz)),
    taints: list(g.props, "taints").map((t) => `${str(t, "key") ?? "?"}${str(t, "value") ? `=${str(t, "value")}` : ""}:${EFFECTS[str(t, "effect") ?? ""] ?? str(t, "effect") ?? "?"}`),
    workloads: [...workloads].sort(byWorkload),
  };
}

/** The max pods the stackplan node group component registered as an output (plans of this program). */
function componentMaxPods(p: PlanView, g: RuleResource): number | undefined {
  const parent = g.parent ? p.plan.resources.find((r) => r.urn === g.parent) : undefined;
  return num(parent?.outputs, "maxPods");
}

function workloadView(p: PlanView, w: RuleResource, lbs: readonly LoadBalancerView[]): Omit<WorkloadView, "alsoOn"> {
  const ns = str(w.props, "metadata.namespace") ?? "default";
  const name = str(w.props, "metadata.name") ?? w.name;
  const kind = str(w.props, "kind") ?? w.type.split(":").pop()!;
  const services = servicesSelecting(p, w, ns);
  const hpa = kind === "DaemonSet" ? undefined : attempt(() => replicasOf(p.view, w));
  const replicas = kind === "DaemonSet" ? "1 per node" : !hpa ? "?" : hpa.hpa ? `${hpa.min}–${hpa.max} (HPA)` : String(hpa.min);
  return {
    findings: 0,
    id: slug("wl", kind, ns, name),
    label: `${kind} ${ns}/${name}`,
    urns: [w.urn, ...(hpa?.hpa ? [hpa.hpa.urn] : []), ...services.map((s) => s.urn)],
    kind,
    namespace: ns,
    name,
    replicas,
    ...exposureOf(services, lbs),
  };
}

/** Services of the namespace whose selector matches the pod template's labels. */
function servicesSelecting(p: PlanView, w: RuleResource, ns: string): RuleResource[] {
  const labels = strings(w.props, "spec.template.metadata.labels");
  return p.ofType("kubernetes:core/v1:Service").filter((s) => {
    if ((str(s.props, "metadata.namespace") ?? "default") !== ns) return false;
    const selector = Object.entries(strings(s.props, "spec.selector"));
    return selector.length > 0 && selector.every(([k, v]) => labels[k] === v);
  });
}

/** The widest exposure: a load balancer routing to one of its Services, else the Service type, else none. */
function exposureOf(services: readonly RuleResource[], lbs: readonly LoadBalancerView[]): { exposure: string; exposureDetail?: string } {
  const names = new Set(services.map(objectName));
  const serving = lbs.filter((lb) => lb.routes.some((r) => names.has(r.to)));
  const lb = serving.find((l) => l.scheme === "internet-facing") ?? serving[0];
  if (lb) {
    const from = lb.routes.filter((r) => names.has(r.to)).map((r) => r.from);
    return { exposure: lb.scheme === "internet-facing" ? "public" : "internal", exposureDetail: `${lb.kind} ${lb.name}: ${from.join(", ")}` };
  }
  if (services.length > 0) {
    const type = str(services[0]!.props, "spec.type") ?? "ClusterIP";
    return { exposure: type === "NodePort" ? "node port" : "cluster", exposureDetail: `Service ${services.map(objectName).join(", ")}` };
  }
  return { exposure: "none" };
}
