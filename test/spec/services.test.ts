import { describe, expect, it } from "vitest";
import { serviceSpec } from "../../src/spec/services";

const base = {
  image: { repository: "r/app", tag: "1.0.0" },
  ports: [{ name: "http", containerPort: 8080 }],
  resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
  probes: { readiness: { httpGet: { path: "/ready", port: "http" } }, liveness: { httpGet: { path: "/healthz", port: "http" } } },
};

function problems(raw: Record<string, unknown>): string[] {
  const r = serviceSpec.safeParse({ ...base, ...raw });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("service schema: what the workload planner relies on", () => {
  it("accepts the baseline and defaults egress to HTTPS anywhere", () => {
    expect(problems({})).toEqual([]);
    expect(serviceSpec.parse(base).allowTo).toEqual({ cidrs: [{ cidr: "0.0.0.0/0", ports: [443], protocol: "TCP" }] });
    expect(serviceSpec.parse(base).resources).toEqual({
      requests: { cpu: "100m", memory: "128Mi", ephemeralStorage: "128Mi" },
      limits: { memory: "256Mi", ephemeralStorage: "1Gi" },
    });
  });

  it.each([
    [{ probes: { readiness: { httpGet: { path: "/ready", port: "http" } }, liveness: { httpGet: { path: "/ready", port: "http" }, failureThreshold: 9 } } }, "probes.liveness: the liveness probe checks the same thing as the readiness probe: a failing dependency would restart every pod; point liveness at a cheaper endpoint"],
    [{ ports: [], probes: {} }, "ports: a service exposed as cluster, internal or public needs at least one port (or exposure.type: none)"],
    [{ podLabels: { "app.kubernetes.io/name": "other" } }, 'podLabels.app.kubernetes.io/name: label "app.kubernetes.io/name" is set by stackplan; selectors and policies rely on it'],
    [{ securityContext: { runAsUser: 0 } }, "securityContext.runAsUser: runAsUser 0 is root, but runAsNonRoot is true: the kubelet would refuse to start the container"],
    [{ probes: { readiness: { httpGet: { path: "/ready", port: "web" } } } }, 'probes.readiness: probe port "web" is not one of the ports (http)'],
    [{ allowTo: { cidrs: [{ cidr: "10.0.0.0/33", ports: [5432] }] } }, "allowTo.cidrs.0.cidr: expected an IPv4 CIDR block such as 10.0.0.0/16"],
  ])("%j → %s", (raw, message) => {
    expect(problems(raw)).toEqual([message]);
  });
});
