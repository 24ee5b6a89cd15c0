import { describe, expect, it } from "vitest";
import { calleesOf, planService } from "../../../components/workload/index";
import { ctx, svc } from "./fixtures";

const context = ctx({
  storefront: svc({ exposure: { type: "public", host: "shop.example.com" } }),
  ledger: svc({ exposure: { type: "internal" }, ports: [{ name: "grpc", containerPort: 9000 }], probes: { readiness: { grpc: { port: 9000 } }, liveness: { tcpSocket: { port: "grpc" } } }, allowFrom: { services: ["storefront", "audit"], namespaces: ["finance"] } }, "money"),
  audit: svc({ exposure: { type: "none" }, allowTo: { cidrs: [{ cidr: "10.30.0.0/16", ports: [5432] }] } }, "money"),
  reports: svc({ allowFrom: { namespaces: ["money"] } }),
});
const policy = (name: string) => planService(name, context).manifests.find((m) => m.kind === "NetworkPolicy")!;
const money = { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "money" } } };
const https = { ports: [{ port: 443, protocol: "TCP" }], to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] };

describe("per-service NetworkPolicy", () => {
  it("ingress from declared services (across namespaces), namespaces and, load-balanced, the VPC; on the container ports", () => {
    expect(policy("ledger").spec).toEqual({
      egress: [
        { ports: [{ port: 8080, protocol: "TCP" }], to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } }, podSelector: { matchLabels: { "app.kubernetes.io/name": "reports" } } }] },
        https,
      ],
      ingress: [
        {
          from: [
            { podSelector: { matchLabels: { "app.kubernetes.io/name": "audit" } } },
            { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } }, podSelector: { matchLabels: { "app.kubernetes.io/name": "storefront" } } },
            { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "finance" } } },
            { ipBlock: { cidr: "10.30.0.0/16" } },
          ],
          ports: [{ port: 9000, protocol: "TCP" }],
        },
      ],
      podSelector: { matchLabels: { "app.kubernetes.io/name": "ledger" } },
      policyTypes: ["Ingress", "Egress"],
    });
  });

  it("a public service admits the VPC (ALB IP targets) and reaches its callees through their allowFrom", () => {
    expect(policy("storefront").spec).toEqual({
      egress: [{ ports: [{ port: 9000, protocol: "TCP" }], to: [{ ...money, podSelector: { matchLabels: { "app.kubernetes.io/name": "ledger" } } }] }, https],
      ingress: [{ from: [{ ipBlock: { cidr: "10.30.0.0/16" } }], ports: [{ port: 8080, protocol: "TCP" }] }],
      podSelector: { matchLabels: { "app.kubernetes.io/name": "storefront" } },
      policyTypes: ["Ingress", "Egress"],
    });
  });

  it("a service without callers has no ingress rule (denied); its egress follows allowTo", () => {
    expect(policy("audit").spec).toEqual({
      egress: [
        { ports: [{ port: 9000, protocol: "TCP" }], to: [{ podSelector: { matchLabels: { "app.kubernetes.io/name": "ledger" } } }] },
        { ports: [{ port: 8080, protocol: "TCP" }], to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } }, podSelector: { matchLabels: { "app.kubernetes.io/name": "reports" } } }] },
        { ports: [{ port: 5432, protocol: "TCP" }], to: [{ ipBlock: { cidr: "10.30.0.0/16" } }] },
      ],
      podSelector: { matchLabels: { "app.kubernetes.io/name": "audit" } },
      policyTypes: ["Ingress", "Egress"],
    });
  });

  it.each([
    ["storefront", ["ledger"]],
    ["audit", ["ledger", "reports"]],
    ["ledger", ["reports"]],
    ["reports", []],
  ])("callees of %s: %j (a namespace allowance admits every service of it)", (name, callees) => {
    expect(calleesOf(name, context)).toEqual(callees);
  });

  it("a service without ports gets no port-less rule (which would open every port)", () => {
    const c = ctx({ a: svc({ ports: [], probes: {}, exposure: { type: "none" }, allowFrom: { services: ["b"] } }), b: svc({}) });
    const spec = planService("a", c).manifests.find((m) => m.kind === "NetworkPolicy")!.spec as Record<string, unknown>;
    expect(spec.ingress).toBeUndefined();
    const b = planService("b", c).manifests.find((m) => m.kind === "NetworkPolicy")!.spec as { egress: unknown[] };
    expect(b.egress).toEqual([https]);
  });
});
