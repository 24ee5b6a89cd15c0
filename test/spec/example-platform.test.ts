/** The bundled example platform: three environments with the differences a reader expects. */
import { describe, expect, it } from "vitest";
import { loadProject } from "../../src/project/project";
import { listStacks } from "../../src/project/stack-config";
import { loadEnvironment } from "../../src/values/load";
import { REPO_ROOT } from "../helpers/temp-project";

const project = loadProject(REPO_ROOT);
const dev = loadEnvironment(project, "dev").spec;
const prod = loadEnvironment(project, "prod").spec;

describe("example platform", () => {
  it("has dev, staging and prod in promotion order", () => {
    expect(listStacks(project).map((s) => [s.facts.name, s.facts.order, s.facts.class])).toEqual([
      ["dev", 1, "development"],
      ["staging", 2, "staging"],
      ["prod", 3, "production"],
    ]);
  });

  it("has at least 8 services, the same in every env", () => {
    const staging = loadEnvironment(project, "staging").spec;
    expect(Object.keys(dev.services).length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(prod.services)).toEqual(Object.keys(dev.services));
    expect(Object.keys(staging.services)).toEqual(Object.keys(dev.services));
  });

  it("runs dev on 2 AZs with one NAT, spot nodes and one replica", () => {
    expect(dev.network.azCount).toBe(2);
    expect(dev.network.nat).toBe("single");
    expect(Object.values(dev.nodeGroups).map((g) => g.capacityType)).toEqual(["SPOT", "SPOT"]);
    expect(new Set(Object.values(dev.services).map((s) => s.replicas))).toEqual(new Set([1]));
  });

  it("runs prod on 3 AZ IDs (never use1-az3) with NAT per AZ and on-demand nodes", () => {
    expect(prod.network.azIds).toEqual(["use1-az1", "use1-az2", "use1-az4"]);
    expect(prod.network.nat).toBe("perAz");
    expect(Object.values(prod.nodeGroups).every((g) => g.capacityType === "ON_DEMAND")).toBe(true);
  });

  it("gives every critical prod service at least 3 replicas", () => {
    const critical = Object.entries(prod.services).filter(([, s]) => s.criticality === "critical");
    expect(critical.map(([n]) => n)).toEqual(["web", "api", "checkout", "payments"]);
    for (const [, s] of critical) {
      expect(s.replicas).toBeGreaterThanOrEqual(3);
      if (s.autoscaling.enabled) expect(s.autoscaling.minReplicas).toBeGreaterThanOrEqual(3);
    }
  });

  it("templates names from env facts", () => {
    expect(dev.cluster.name).toBe("shop-dev");
    expect(prod.cluster.name).toBe("shop-prod");
    expect(prod.services.web!.exposure.host).toBe("prod.shop.example.com");
    expect(prod.observability.alarms["node-failures"]!.dimensions).toEqual({ ClusterName: "shop-prod" });
  });

  it("makes prod policies mandatory and dev advisory", () => {
    expect(prod.policy.enforcement).toBe("mandatory");
    expect(dev.policy.enforcement).toBe("advisory");
  });
});
