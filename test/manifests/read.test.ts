import { describe, expect, it } from "vitest";
import { originOf } from "../../src/manifests/origin";
import { parseManifests } from "../../src/manifests/read";

describe("parseManifests", () => {
  it("reads multi-document files, skips empty documents and flattens Lists", () => {
    const text = [
      "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a, namespace: shop }",
      "",
      "apiVersion: v1\nkind: List\nitems:\n  - { apiVersion: v1, kind: Secret, metadata: { name: b, namespace: shop } }",
    ].join("\n---\n");
    const ms = parseManifests(text, "m.yaml");
    expect(ms.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(["ConfigMap/a", "Secret/b"]);
    expect(originOf(ms[1]!)).toBe("m.yaml");
  });

  it.each([
    ["kind: ConfigMap\nmetadata: { name: a }", "m.yaml:1:1: expected a Kubernetes object: apiVersion is missing"],
    ["apiVersion: v1\nkind: ConfigMap\nmetadata: { generateName: a- }", "m.yaml:1:1: ConfigMap has no metadata.name (generateName is not supported: names must be known before apply)"],
    ["- a\n- b", "m.yaml:1:1: expected a Kubernetes object, got a list"],
    ["apiVersion: v1\nkind: [", "m.yaml:2:8: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]"],
  ])("%j → %s", (text, message) => {
    expect(() => parseManifests(text, "m.yaml")).toThrow(message);
  });

  it("names the document of a multi-document file", () => {
    expect(() => parseManifests("apiVersion: v1\nkind: A\nmetadata: { name: a }\n---\nkind: B\n", "m.yaml")).toThrow("m.yaml:5:1: document 2: expected a Kubernetes object: apiVersion is missing");
  });
});
