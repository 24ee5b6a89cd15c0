import { describe, expect, it } from "vitest";
import { parseManifests } from "../../src/manifests/read";
import type { Manifest } from "../../src/manifests/types";
import { modelTable, validateManifests } from "../../src/manifests/validate";
import { planManifests, planWorkloads } from "../../components/workload/index";
import { InputError } from "../../src/util/errors";
import { ctx, svc } from "../components/workload/fixtures";

function deployment(spec: Record<string, unknown>): Manifest {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "shop" },
    spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "web:1" }] } }, ...spec },
  };
}

function message(manifests: Manifest[], opts = {}): string {
  try {
    validateManifests(manifests, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error("expected an InputError");
}

describe("validateManifests", () => {
  it("every generated manifest of a varied platform is valid", () => {
    const c = ctx({
      a: svc({ exposure: { type: "public", host: "a.example.com" }, autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 4 } }),
      b: svc({ exposure: { type: "internal" }, nodeGroup: "batch", aws: {} }),
      c: svc({ exposure: { type: "none" }, env: { P: { pulumiSecret: "p" } } }),
    });
    const manifests = planManifests(planWorkloads(c));
    expect(validateManifests(manifests)).toEqual({ validated: manifests.length, skipped: [] });
  });

  it.each([
    [{ replicas: "two" }, 'Deployment shop/web: spec.replicas: expected an integer, got "two"'],
    [{ strategy: { type: "Recreate", rollingUpdate: { maxSurge: true } } }, "Deployment shop/web: spec.strategy.rollingUpdate.maxSurge: expected a string or an integer, got true"],
    [{ template: { spec: { containers: [{ image: "web:1" }] } } }, 'Deployment shop/web: spec.template.spec.containers[0]: missing required field "name"'],
    [
      { template: { spec: { containers: [{ name: "web", resources: { limits: { memory: "1Zi" } } }] } } },
      'Deployment shop/web: spec.template.spec.containers[0].resources.limits.memory: expected a Kubernetes quantity such as 250m, 1 or 512Mi, got "1Zi"',
    ],
  ])("%j → %s", (spec, expected) => {
    expect(message([deployment(spec)])).toBe(expected);
  });

  it("names enum values, label keys with dots, and lists every problem under one headline", () => {
    const service: Manifest = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", namespace: "shop", labels: { "app.kubernetes.io/name": 1 as unknown as string } },
      spec: { type: "Public", ports: [{ port: 80, targetPort: { name: "http" } }] },
    };
    expect(message([service])).toBe(
      [
        "3 problems in the Kubernetes manifests:",
        '  Service shop/web: metadata.labels["app.kubernetes.io/name"]: expected a string, got 1',
        '  Service shop/web: spec.ports[0].targetPort: expected a string or an integer, got {"name":"http"}',
        '  Service shop/web: spec.type: expected one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort", got "Public"',
      ].join("\n"),
    );
  });

  it("reports unknown fields, as kubectl's strict validation does, with the closest known field", () => {
    const typos = deployment({
      replicsa: 2,
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "web:1", envfrom: [], resources: { limits: { memory: "1Gi" } } }], tolerration: [], zzz: 1 } },
    });
    expect(message([typos])).toBe(
      [
        "4 problems in the Kubernetes manifests:",
        '  Deployment shop/web: spec.template.spec.containers[0].envfrom: unknown field "envfrom" (did you mean "envFrom"?)',
        '  Deployment shop/web: spec.template.spec.tolerration: unknown field "tolerration" (did you mean "tolerations"?)',
        '  Deployment shop/web: spec.template.spec.zzz: unknown field "zzz"',
        '  Deployment shop/web: spec.replicsa: unknown field "replicsa" (did you mean "replicas"?)',
      ].join("\n"),
    );
  });

  it("names the file a raw manifest came from", () => {
    const [quota] = parseManifests("apiVersion: v1\nkind: ResourceQuota\nmetadata: { name: q, namespace: shop }\nspec:\n  hard: { requests.cpu: lots }\n", "overlays/base/manifests/quota.yaml");
    expect(message([quota!])).toBe(
      'overlays/base/manifests/quota.yaml: ResourceQuota shop/q: spec.hard["requests.cpu"]: expected a Kubernetes quantity such as 250m, 1 or 512Mi, got "lots"',
    );
  });

  it("skips custom resources, with the reason", () => {
    const cert: Manifest = { apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: "web-tls", namespace: "shop" }, spec: { anything: true } };
    expect(validateManifests([cert])).toEqual({
      validated: 0,
      skipped: [{ manifest: "Certificate shop/web-tls", reason: "no schema for cert-manager.io/v1 Certificate (a custom resource or an unknown kind)" }],
    });
  });

  it("a built-in kind under a version its group never had is an error, not a skip", () => {
    expect(message([{ ...deployment({}), apiVersion: "apps/v2" }])).toBe('Deployment shop/web: apiVersion "apps/v2" does not serve Deployment; use "apps/v1" or "apps/v1beta1" or "apps/v1beta2"');
  });

  it.each([
    ["1.34", 'PodDisruptionBudget shop/web: apiVersion "policy/v1beta1" is not served since Kubernetes 1.25 (the cluster runs 1.34); use policy/v1'],
    ["1.24", undefined],
  ])("removed API versions are errors on clusters that no longer serve them (%s)", (version, expected) => {
    const pdb: Manifest = { apiVersion: "policy/v1beta1", kind: "PodDisruptionBudget", metadata: { name: "web", namespace: "shop" }, spec: { maxUnavailable: 1 } };
    if (expected) expect(message([pdb], { kubernetesVersion: version })).toBe(expected);
    else expect(validateManifests([pdb], { kubernetesVersion: version }).validated).toBe(1);
  });
});

describe("kind by kind model loading", () => {
  it("finds every model of the whole table in its own module (kubernetes-models/<apiVersion>/<Kind>)", () => {
    const table = modelTable();
    expect(table.size).toBeGreaterThan(100);
    for (const [key, model] of table) {
      const kind = key.slice(key.lastIndexOf("/") + 1);
      const apiVersion = key.slice(0, key.lastIndexOf("/"));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect((require(`kubernetes-models/${apiVersion}/${kind}`) as Record<string, unknown>)[kind], key).toBe(model);
    }
  });
});
