/** Manifests from plans: file names, namespaces, Pulumi-only fields, skipped kinds, collisions. */
import { describe, expect, it } from "vitest";
import { buildManifests } from "../../src/plan/manifests";
import { manifestYaml } from "../../src/plan/manifest-yaml";
import { InputError } from "../../src/util/errors";
import { planOf, urnOf } from "../diff/plans";

const K8S = urnOf("dev", "pulumi:providers:kubernetes", "k8s");
const obj = (apiVersion: string, kind: string, metadata: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({ apiVersion, kind, metadata, ...rest });

function manifests(resources: { type: string; name: string; inputs: Record<string, unknown> }[], providerInputs: Record<string, unknown> = {}) {
  return buildManifests(planOf([...resources.map((r) => ({ ...r, provider: K8S })), { type: "pulumi:providers:kubernetes", name: "k8s", inputs: providerInputs }]));
}

describe("manifests", () => {
  it("names files <kind>-<namespace>-<name>.yaml, cluster-scoped ones <kind>-<name>.yaml", () => {
    const { manifests: ms } = manifests([
      { type: "kubernetes:apps/v1:Deployment", name: "web", inputs: obj("apps/v1", "Deployment", { name: "web", namespace: "shop" }) },
      { type: "kubernetes:core/v1:Namespace", name: "ns", inputs: obj("v1", "Namespace", { name: "shop" }) },
      { type: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", name: "cr", inputs: obj("rbac.authorization.k8s.io/v1", "ClusterRole", { name: "reader", namespace: "x" }) },
    ]);
    expect(ms.map((m) => m.file)).toEqual(["clusterrole-reader.yaml", "deployment-shop-web.yaml", "namespace-shop.yaml"]);
    expect(ms[0]!.object.metadata).toEqual({ name: "reader" });
  });

  it("makes the namespace explicit: the object's, else the provider's default, else default", () => {
    const cm = (name: string, namespace?: string) => ({ type: "kubernetes:core/v1:ConfigMap", name, inputs: obj("v1", "ConfigMap", { name, ...(namespace ? { namespace } : {}) }) });
    expect(manifests([cm("a", "x"), cm("b")], { namespace: "apps" }).manifests.map((m) => m.file)).toEqual(["configmap-apps-b.yaml", "configmap-x-a.yaml"]);
    expect(manifests([cm("b")]).manifests[0]!.file).toBe("configmap-default-b.yaml");
  });

  it("drops Pulumi-only annotations and names auto-named objects after the resource, with a warning", () => {
    const { manifests: ms, warnings } = manifests([
      { type: "kubernetes:core/v1:Service", name: "svc", inputs: obj("v1", "Service", { namespace: "s", annotations: { "pulumi.com/skipAwait": "true" } }) },
    ]);
    expect(ms[0]!.object.metadata).toEqual({ name: "svc", namespace: "s" });
    expect(warnings[0]).toContain('Service "svc": no metadata.name');
  });

  it("leaves Helm releases and patch resources out, saying why", () => {
    const { manifests: ms, warnings } = manifests([
      { type: "kubernetes:helm.sh/v3:Release", name: "rel", inputs: { chart: "x" } },
      { type: "kubernetes:apps/v1:DeploymentPatch", name: "p", inputs: obj("apps/v1", "Deployment", { name: "web", namespace: "s" }) },
    ]);
    expect(ms).toEqual([]);
    expect(warnings).toEqual([
      'kubernetes:helm.sh/v3:Release "rel": not in manifests/ (a Helm release is installed by the provider, not a manifest)',
      'kubernetes:apps/v1:DeploymentPatch "p": not in manifests/ (a server-side apply patch of an object managed elsewhere)',
    ]);
  });

  it("separates names that collide once joined with dashes, and refuses one object rendered twice", () => {
    const cm = (res: string, namespace: string, name: string) => ({ type: "kubernetes:core/v1:ConfigMap", name: res, inputs: obj("v1", "ConfigMap", { name, namespace }) });
    expect(manifests([cm("r1", "a-b", "c"), cm("r2", "a", "b-c")]).manifests.map((m) => m.file)).toEqual(["configmap_a-b_c.yaml", "configmap_a_b-c.yaml"]);
    expect(() => manifests([cm("r1", "a", "b"), cm("r2", "a", "b")])).toThrow(InputError);
    expect(() => manifests([cm("r1", "a", "b"), cm("r2", "a", "b")])).toThrow(/two resources render the same Kubernetes object ConfigMap a\/b/);
  });

  it("writes YAML with sorted keys and list items at their key's indentation (kubectl style)", () => {
    expect(manifestYaml({ spec: { containers: [{ name: "web", image: "x" }] }, apiVersion: "v1" })).toBe(
      "apiVersion: v1\nspec:\n  containers:\n  - image: x\n    name: web\n",
    );
  });
});
