import { describe, expect, it } from "vitest";
import { planManifests, planWorkloads, workloadContext } from "../../components/workload/index";
import { originOf } from "../../src/manifests/origin";
import { describeManifest, type Manifest } from "../../src/manifests/types";
import { validateManifests } from "../../src/manifests/validate";
import { loadProject } from "../../src/project/project";
import { applyManifestOverlays, baseRawManifests } from "../../src/program/manifest-overlays";
import { groupManifests } from "../../src/program/register-workloads";
import { loadEnvironment } from "../../src/values/load";
import { ROOT } from "./workload-harness";

const dev = loadEnvironment(loadProject(ROOT), "dev");
const plan = planWorkloads(workloadContext(dev.spec, dev.facts, dev.spec.network.vpcCidr));

describe("applyManifestOverlays (until the kustomize engine is wired in)", () => {
  it("an overlay without kustomization: the generated manifests, then the raw base manifests in file order", () => {
    const generated = planManifests(plan);
    const out = applyManifestOverlays(dev, generated);
    expect(out.slice(0, generated.length)).toEqual(generated);
    expect(out.slice(generated.length).map((m) => `${originOf(m)}: ${describeManifest(m)}`)).toEqual([
      "overlays/base/manifests/priority-classes.yaml: PriorityClass shop-critical",
      "overlays/base/manifests/priority-classes.yaml: PriorityClass shop-batch",
      "overlays/base/manifests/shop-namespace-limits.yaml: ResourceQuota shop/shop-compute",
      "overlays/base/manifests/shop-namespace-limits.yaml: LimitRange shop/shop-container-defaults",
    ]);
  });

  it("the raw base manifests are valid Kubernetes objects", () => {
    expect(validateManifests(baseRawManifests(dev), { kubernetesVersion: "1.34" })).toEqual({ validated: 4, skipped: [] });
  });
});

describe("groupManifests", () => {
  const generated = planManifests(plan);
  const extra = (m: Partial<Manifest> & Pick<Manifest, "kind" | "metadata">): Manifest => ({ apiVersion: "v1", ...m });

  it("assigns a manifest to the service its name label names, else to its namespace, else cluster-scoped", () => {
    const flags = extra({ kind: "ConfigMap", metadata: { name: "web-flags", namespace: "shop", labels: { "app.kubernetes.io/name": "web" } } });
    const other = extra({ kind: "ConfigMap", metadata: { name: "x", namespace: "monitoring", labels: { "app.kubernetes.io/name": "web" } } });
    const crd = extra({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } });
    const groups = groupManifests(plan, [...generated, flags, other, crd]);
    expect(groups.services.get("web")).toContain(flags);
    expect(groups.namespaces.get("monitoring")).toEqual([other]);
    expect(groups.clusterScoped).toEqual([crd]);
    expect(groups.namespaces.get("shop")!.map(describeManifest)).toEqual(["Namespace shop", "NetworkPolicy shop/default-deny-all", "NetworkPolicy shop/allow-dns-egress"]);
  });

  it("reports duplicates, namespaced kinds without a namespace and cluster-scoped kinds with one, together", () => {
    const twin = { ...generated.find((m) => m.kind === "Deployment")! };
    const noNs = extra({ kind: "ConfigMap", metadata: { name: "flags" } });
    const scoped = extra({ apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "p", namespace: "shop" } });
    expect(() => groupManifests(plan, [...generated, twin, noNs, scoped])).toThrow(
      [
        "3 problems in the Kubernetes manifests:",
        "  Deployment shop/api: defined twice: in services.api (generated) and in the manifest overlays",
        "  ConfigMap flags: ConfigMap is namespaced: set metadata.namespace (stackplan never guesses a default namespace)",
        "  PriorityClass shop/p: PriorityClass is cluster-scoped: remove metadata.namespace",
      ].join("\n"),
    );
  });
});
