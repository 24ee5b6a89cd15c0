/**
 * The report's view model, without a browser: the example platform's map (AZ columns, subnets,
 * NAT gateways and routes, endpoints, cluster, node groups with their workloads, the ALB), the
 * change of a node group replacement marked on it, the change tree's order and the findings
 * linked to map elements.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../src/plan/types";
import { envViewOf, type EnvView } from "../../src/report/index";
import { elementsOf } from "../../src/report/map-model";
import { envInput, examplePlans, prodChange } from "./fixtures";

describe("report view model", () => {
  let prod: EnvView;
  let dev: EnvView;
  let change: EnvView;
  let plans: { dev: Plan; prod: Plan };

  beforeAll(async () => {
    plans = await examplePlans();
    prod = envViewOf(envInput(plans.prod));
    dev = envViewOf(envInput(plans.dev));
    const c = prodChange(plans.prod);
    change = envViewOf(envInput(c.after, c.before));
  });

  it("draws prod's VPC with one column per AZ ID, each with a public, a private and a data subnet", () => {
    expect(prod.map.vpc).toMatchObject({ name: "shop-prod", cidr: "10.30.0.0/16" });
    expect(prod.map.azs.map((a) => a.azId)).toEqual(["use1-az1", "use1-az2", "use1-az4"]);
    for (const az of prod.map.azs) expect(az.subnets.map((s) => s.tier)).toEqual(["public", "private", "data"]);
    expect(prod.map.azs[0]!.subnets.map((s) => s.cidr)).toEqual(["10.30.128.0/24", "10.30.0.0/19", "10.30.132.0/24"]);
  });

  it("puts prod's NAT gateways one per AZ in the public subnet, each serving its own AZ's private subnet", () => {
    for (const az of prod.map.azs) {
      const [pub, priv, data] = az.subnets;
      expect(pub!.defaultRoute).toBe("internet gateway");
      expect(pub!.nats.map((n) => n.serves)).toEqual([[az.azId]]);
      expect(priv!.defaultRoute).toBe(`NAT gateway ${pub!.nats[0]!.name}`);
      expect(priv!.nats).toEqual([]);
      expect(data!.defaultRoute).toBeUndefined();
    }
  });

  it("shows dev's single NAT gateway serving both AZs", () => {
    const nats = dev.map.azs.flatMap((a) => a.subnets.flatMap((s) => s.nats));
    expect(nats).toHaveLength(1);
    expect(nats[0]!.serves).toEqual(dev.map.azs.map((a) => a.azId));
  });

  it("tells gateway endpoints (route tables) from interface endpoints (ENIs per AZ)", () => {
    const gw = prod.map.endpoints.filter((e) => e.kind === "Gateway");
    expect(gw.map((e) => e.service)).toEqual(["dynamodb", "s3"]);
    for (const e of gw) expect(e.tiers).toEqual(["private", "data"]);
    const ifc = prod.map.endpoints.filter((e) => e.kind === "Interface");
    expect(ifc.map((e) => e.service)).toEqual(["ecr.api", "ecr.dkr", "logs", "sts"]);
    for (const e of ifc) expect(e).toMatchObject({ azIds: ["use1-az1", "use1-az2", "use1-az4"], tiers: ["private"] });
  });

  it("draws the control plane in the private subnets of the three AZs, with a private endpoint", () => {
    expect(prod.map.cluster).toMatchObject({ name: "shop-prod", version: "1.34", endpoint: "private", azIds: ["use1-az1", "use1-az2", "use1-az4"] });
  });

  it("places each workload on the node groups its pods can land on, with replicas and exposure", () => {
    const groups = Object.fromEntries(prod.map.nodeGroups.map((g) => [g.name, g]));
    expect(groups["general"]).toMatchObject({ instanceTypes: ["m6i.large", "m5.large"], capacityType: "ON_DEMAND", min: 3, desired: 6, max: 15, maxPods: 29, taints: [] });
    expect(groups["batch"]).toMatchObject({ maxPods: 58, taints: ["workload=batch:NoSchedule"] });
    // The batch taint keeps everything but the worker (which tolerates it and selects batch) off batch.
    expect(groups["batch"]!.workloads.map((w) => w.name)).toEqual(["worker"]);
    expect(groups["general"]!.workloads.map((w) => w.name)).toEqual(["api", "cart", "catalog", "checkout", "notifications", "payments", "recommendations", "search", "web"]);
    const web = groups["general"]!.workloads.find((w) => w.name === "web")!;
    expect(web).toMatchObject({ replicas: "3–20 (HPA)", exposure: "public", exposureDetail: "ALB shop-public: prod.shop.example.com/", alsoOn: [] });
    expect(groups["general"]!.workloads.find((w) => w.name === "checkout")).toMatchObject({ replicas: "3", exposure: "cluster" });
    expect(groups["batch"]!.workloads[0]).toMatchObject({ replicas: "2", exposure: "none" });
    expect(prod.map.unplaced).toEqual([]);
  });

  it("draws the shared ALB of the ingress group and what it routes to", () => {
    expect(prod.map.loadBalancers).toEqual([
      expect.objectContaining({
        kind: "ALB",
        name: "shop-public",
        scheme: "internet-facing",
        routes: [
          { from: "api.prod.shop.example.com/", to: "shop/api" },
          { from: "prod.shop.example.com/", to: "shop/web" },
        ],
      }),
    ]);
  });

  it("gives every element an id unique in the env and no mark without a comparison", () => {
    const els = elementsOf(prod.map);
    expect(new Set(els.map((e) => e.id)).size).toBe(els.length);
    expect(els.every((e) => e.id.startsWith("prod-") && e.mark === undefined)).toBe(true);
    expect(prod.change).toBeUndefined();
  });

  it("marks the change on the map: the node group replaced, checkout updated, an endpoint created, one deleted", () => {
    const marks = Object.fromEntries(elementsOf(change.map).filter((e) => e.mark).map((e) => [e.label, e.mark]));
    expect(marks).toEqual({
      "node group general": "replace",
      "Deployment shop/checkout": "update",
      "interface endpoint logs": "create",
      "interface endpoint sts": "delete",
    });
  });

  it("lists replacements first in the change tree, grouped by component", () => {
    const c = change.change!;
    expect(c.counts).toMatchObject({ replace: 1, update: 1, create: 1, delete: 1 });
    expect(c.groups[0]!.resources[0]).toMatchObject({ op: "replace", type: "aws:eks/nodeGroup:NodeGroup", replaceReasons: ["instanceTypes"], mapId: "prod-ng-shop-ng-general-group" });
    const network = c.groups.find((g) => g.type === "stackplan:network:Network")!;
    expect(network.resources.map((r) => r.op)).toEqual(["delete", "create"]);
    const image = c.groups.find((g) => g.name === "checkout")!.resources[0]!.changes[0]!;
    expect(image).toMatchObject({ path: "spec.template.spec.containers[name=checkout].image", kind: "update", replaces: false });
    expect(image.old).toContain("checkout:5.0.7");
    expect(image.new).toContain("checkout:5.0.8");
    expect(c.types).toEqual([...c.types].sort());
  });

  it("links every finding to the map element of its resource, once, with the badge counting the counted ones", () => {
    const listed = dev.findingGroups.flatMap((g) => g.findings);
    expect(listed.length).toBeGreaterThan(0);
    const els = new Map(elementsOf(dev.map).map((e) => [e.id, e]));
    for (const g of dev.findingGroups) {
      if (!g.mapId) continue;
      expect(g.id).toBe(`${g.mapId}-findings`);
      const counted = g.findings.filter((f) => f.kind === "violation" || f.kind === "waiver-expired").length;
      expect(els.get(g.mapId)!.findings).toBe(counted);
    }
    expect(dev.findingGroups.find((g) => g.title === "Deployment shop/web")!.findings.map((f) => f.rule)).toContain("HA-001");
  });

  it("prices the env and the change", () => {
    expect(prod.cost.total).toBeGreaterThan(0);
    expect(prod.cost.items.reduce((s, i) => s + i.monthly, 0)).toBeCloseTo(prod.cost.total, 6);
    expect(change.cost.change).toMatchObject({ before: expect.any(Number), after: expect.any(Number) });
  });
});
