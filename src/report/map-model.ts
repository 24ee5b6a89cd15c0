/**
 * One env's map from its plan, and the map of a change: the elements of both sides, each
 * marked with what the change does to the resources it stands for, deleted ones included.
 */
import type { DiffOp } from "../diff/types";
import type { Plan } from "../plan/types";
import { clusterOf } from "./cluster-model";
import { MARKS, type AzView, type MapElement, type MapView, type Mark, type NodeGroupView, type SubnetView } from "./model";
import { networkOf } from "./network-model";
import { PlanView } from "./plan-view";

/** The map of a plan: elements carry their resources' URNs; marks and finding counts come later (decorate). */
export function mapOf(plan: Plan): MapView {
  const p = new PlanView(plan);
  return adoptOrphans({ ...networkOf(p), ...clusterOf(p) }, plan);
}

/** Apply `fn` to every element of the map, innermost first (so a parent sees its new children). */
export function transform(map: MapView, fn: <T extends MapElement>(el: T) => T): MapView {
  const subnet = (s: SubnetView): SubnetView => fn({ ...s, nats: s.nats.map(fn) });
  const az = (a: AzView): AzView => fn({ ...a, subnets: a.subnets.map(subnet) });
  const group = (g: NodeGroupView): NodeGroupView => fn({ ...g, workloads: g.workloads.map(fn) });
  return {
    ...(map.vpc ? { vpc: fn(map.vpc) } : {}),
    ...(map.internetGateway ? { internetGateway: fn(map.internetGateway) } : {}),
    azs: map.azs.map(az),
    endpoints: map.endpoints.map(fn),
    ...(map.cluster ? { cluster: fn(map.cluster) } : {}),
    nodeGroups: map.nodeGroups.map(group),
    unplaced: map.unplaced.map(fn),
    loadBalancers: map.loadBalancers.map(fn),
  };
}

/** Every element, in drawing order (the order findings are attributed in). */
export function elementsOf(map: MapView): MapElement[] {
  const out: MapElement[] = [];
  transform(map, (el) => {
    out.push(el);
    return el;
  });
  return out;
}

/**
 * Resources drawn as no element of their own (IAM roles, security groups, network policies, …)
 * belong to the element whose component holds them: a policy finding on a node group's IAM
 * role links to the node group, one on a service's NetworkPolicy to the service.
 */
function adoptOrphans(map: MapView, plan: Plan): MapView {
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const claimed = new Set<string>();
  const homes = new Map<string, string>();
  // The VPC first: it, not a subnet, stands for the network component; workloads before load balancers.
  const ordered = [map.vpc, map.cluster, ...map.nodeGroups, ...map.nodeGroups.flatMap((g) => g.workloads), ...map.unplaced, ...elementsOf(map)].filter((e): e is MapElement => e !== undefined);
  for (const el of ordered) {
    for (const u of el.urns) claimed.add(u);
    const parent = el.urns[0] ? byUrn.get(byUrn.get(el.urns[0])?.parent ?? "") : undefined;
    if (parent && !parent.custom && parent.parent && !homes.has(parent.urn)) homes.set(parent.urn, el.id);
  }
  const adopted = new Map<string, string[]>();
  for (const r of plan.resources) {
    if (claimed.has(r.urn) || !r.custom) continue;
    for (let up = r.parent; up; up = byUrn.get(up)?.parent) {
      const home = homes.get(up);
      if (home) {
        adopted.set(home, [...(adopted.get(home) ?? []), r.urn]);
        break;
      }
    }
  }
  return transform(map, (el) => (adopted.has(el.id) ? { ...el, urns: [...el.urns, ...adopted.get(el.id)!] } : el));
}

export interface Decoration {
  /** The diff's operation per URN of this side (absent: no comparison). */
  readonly ops?: ReadonlyMap<string, DiffOp>;
  /** Counted findings per URN (violations and expired waivers). */
  readonly findings?: ReadonlyMap<string, number>;
}

/**
 * Marks and finding counts from the element's resources. The element's own resource decides
 * create, delete and replace; a change to any other of its resources makes it updated. An AZ
 * is what its subnets are: all created, all deleted, else updated if any changed.
 */
export function decorate(map: MapView, d: Decoration): MapView {
  return transform(map, (el) => {
    const findings = el.urns.reduce((n, u) => n + (d.findings?.get(u) ?? 0), 0);
    const mark = "subnets" in el && el.urns.length === 0 ? azMark(el as unknown as AzView) : markOf(el.urns, d.ops);
    const { mark: _old, ...rest } = el;
    return { ...rest, findings, ...(mark ? { mark } : {}) } as typeof el;
  });
}

function markOf(urns: readonly string[], ops: ReadonlyMap<string, DiffOp> | undefined): Mark | undefined {
  if (!ops || urns.length === 0) return undefined;
  const own = ops.get(urns[0]!);
  if (own === "create" || own === "delete" || own === "replace") return own;
  return urns.some((u) => {
    const op = ops.get(u);
    return op !== undefined && op !== "same";
  })
    ? "update"
    : undefined;
}

function azMark(az: AzView): Mark | undefined {
  const marks = az.subnets.map((s) => s.mark);
  if (marks.length > 0 && marks.every((m) => m === "create")) return "create";
  if (marks.length > 0 && marks.every((m) => m === "delete")) return "delete";
  return marks.some((m) => m !== undefined) ? "update" : undefined;
}

/**
 * The map of a change: the new side's elements, plus the old side's that are gone (marked
 * deleted, with everything inside them). An element whose resources lost a child on the old
 * side is updated. A workload that moved to another node group shows where it is now only.
 */
export function mergeMaps(after: MapView, before: MapView): MapView {
  const now = new Set(elementsOf(after).map((e) => e.id));
  const then = new Map(elementsOf(before).map((e) => [e.id, e]));
  const deleted = <T extends MapElement>(el: T): T => transformOne(el, (x) => ({ ...x, mark: "delete" as Mark }));
  const gone = <T extends MapElement>(list: readonly T[], old: readonly T[], merge: (a: T, b: T) => T): T[] => {
    const olds = new Map(old.map((o) => [o.id, o]));
    return [...list.map((a) => (olds.has(a.id) ? merge(a, olds.get(a.id)!) : a)), ...old.filter((o) => !now.has(o.id)).map(deleted)];
  };
  const touch = <T extends MapElement>(a: T): T => {
    const b = then.get(a.id);
    return b?.mark === "update" || b?.mark === "delete" ? { ...a, mark: strongest(a.mark, "update") } : a;
  };
  const same = <T extends MapElement>(a: T, _b: T): T => touch(a);
  const subnet = (a: SubnetView, b: SubnetView): SubnetView => touch({ ...a, nats: gone(a.nats, b.nats, same) });
  const az = (a: AzView, b: AzView): AzView => touch({ ...a, subnets: gone(a.subnets, b.subnets, subnet) });
  const group = (a: NodeGroupView, b: NodeGroupView): NodeGroupView => touch({ ...a, workloads: gone(a.workloads, b.workloads, same) });
  const one = <T extends MapElement>(a: T | undefined, b: T | undefined): T | undefined => (a ? (b && b.id === a.id ? touch(a) : a) : b ? deleted(b) : undefined);
  const vpc = one(after.vpc, before.vpc);
  const igw = one(after.internetGateway, before.internetGateway);
  const cluster = one(after.cluster, before.cluster);
  return {
    ...(vpc ? { vpc } : {}),
    ...(igw ? { internetGateway: igw } : {}),
    azs: gone(after.azs, before.azs, az).sort((x, y) => (x.azId < y.azId ? -1 : x.azId > y.azId ? 1 : 0)),
    endpoints: gone(after.endpoints, before.endpoints, same),
    ...(cluster ? { cluster } : {}),
    nodeGroups: gone(after.nodeGroups, before.nodeGroups, group),
    unplaced: gone(after.unplaced, before.unplaced, same),
    loadBalancers: gone(after.loadBalancers, before.loadBalancers, same),
  };
}

/** `fn` on an element and on everything inside it. */
function transformOne<T extends MapElement>(el: T, fn: (x: MapElement) => MapElement): T {
  const inner = el as unknown as Partial<AzView & SubnetView & NodeGroupView>;
  const copy = { ...el } as unknown as Record<string, unknown>;
  if (inner.subnets) copy["subnets"] = inner.subnets.map((s) => transformOne(s, fn));
  if (inner.nats) copy["nats"] = inner.nats.map((n) => transformOne(n, fn));
  if (inner.workloads) copy["workloads"] = inner.workloads.map((w) => transformOne(w, fn));
  return fn(copy as unknown as MapElement) as T;
}

function strongest(a: Mark | undefined, b: Mark): Mark {
  return a === undefined || MARKS.indexOf(b) < MARKS.indexOf(a) ? b : a;
}
