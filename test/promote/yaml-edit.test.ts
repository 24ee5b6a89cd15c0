import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyYamlEdits, scalarText, setYamlValue } from "../../src/promote/yaml-edit";
import { REPO_ROOT } from "../helpers/temp-project";

describe("surgical YAML edits", () => {
  it("replaces a block scalar and keeps every other byte", () => {
    const text = "# head\ncluster:\n  version: \"1.34\"   # pinned\n  name: x\n";
    expect(setYamlValue(text, ["cluster", "version"], "1.35")).toBe("# head\ncluster:\n  version: \"1.35\"   # pinned\n  name: x\n");
  });

  it("replaces a value inside a flow mapping", () => {
    const text = "services:\n  web: { replicas: 1, image: { tag: 2.0.0 } }\n";
    expect(setYamlValue(text, ["services", "web", "image", "tag"], "2.1.0")).toBe("services:\n  web: { replicas: 1, image: { tag: 2.1.0 } }\n");
  });

  it("adds a key to a flow mapping, nesting flow mappings as needed", () => {
    const text = "services:\n  web: { replicas: 3 }\n";
    expect(setYamlValue(text, ["services", "web", "image", "tag"], "2.14.1")).toBe("services:\n  web: { replicas: 3, image: { tag: 2.14.1 } }\n");
    expect(setYamlValue("a: {}\n", ["a", "b"], 1)).toBe("a: { b: 1 }\n");
  });

  it("adds nested keys at the end of a block mapping with its indentation", () => {
    const text = "services:\n  web:\n    replicas: 3\n\npolicy:\n  enforcement: mandatory\n";
    expect(setYamlValue(text, ["services", "worker", "image", "tag"], "3.8.2")).toBe(
      "services:\n  web:\n    replicas: 3\n  worker:\n    image:\n      tag: 3.8.2\n\npolicy:\n  enforcement: mandatory\n",
    );
  });

  it("adds a top-level key at the end of the document, and into an empty file", () => {
    expect(setYamlValue("a: 1", ["cluster", "version"], "1.35")).toBe('a: 1\ncluster:\n  version: "1.35"\n');
    expect(setYamlValue("", ["cluster", "version"], "1.35")).toBe('cluster:\n  version: "1.35"\n');
  });

  it("writes null to remove a pin at merge time", () => {
    expect(setYamlValue("image: { tag: a, digest: sha256:x }\n", ["image", "digest"], null)).toBe("image: { tag: a, digest: null }\n");
  });

  it("refuses to overwrite a mapping with a value", () => {
    expect(() => setYamlValue("a: { b: 1 }\n", ["a"], "x")).toThrow("a holds a mapping, not a value");
  });

  it.each([
    ["2.14.1", "2.14.1"],
    ["1.0", '"1.0"'],
    ["1", '"1"'],
    ["yes", '"yes"'],
    ["on", '"on"'],
    ["0755", '"0755"'],
    ["a b", '"a b"'],
    ["v1.20.4-eksbuild.1", "v1.20.4-eksbuild.1"],
    ["sha256:abc", '"sha256:abc"'],
    ["", '""'],
  ])("quotes %j only when it would not read back as that string", (value, text) => {
    expect(scalarText(value, false)).toBe(text);
    expect(parse(`k: ${text}`).k).toBe(value);
    expect(parse(`k: { x: ${text} }`).k.x).toBe(value);
  });

  const overlays = ["dev", "staging", "prod", "shared-nonprod", "base"].map((o) => path.join(REPO_ROOT, "overlays", o, "values.yaml"));

  it("property: edits set exactly the requested values and nothing else, on the example overlays", () => {
    const segment = fc.constantFrom("services", "web", "api", "image", "tag", "cluster", "version", "addons", "coredns", "x-new");
    fc.assert(
      fc.property(
        fc.constantFrom(...overlays),
        fc.array(fc.record({ path: fc.array(segment, { minLength: 1, maxLength: 4 }), value: fc.oneof(fc.constantFrom("1.0", "2.14.1", "yes", "a b"), fc.integer()) }), { maxLength: 3 }),
        (file, edits) => {
          const text = fs.readFileSync(file, "utf8");
          const expected = parse(text) as Record<string, unknown>;
          const applicable = edits.filter((e) => canSet(expected, e.path) && (setAt(expected, e.path, e.value), true));
          expect(parse(applyYamlEdits(text, applicable))).toEqual(expected);
        },
      ),
    );
  });

  it("property: replacing an existing value changes one line at most", () => {
    const text = fs.readFileSync(overlays[0]!, "utf8");
    const edited = setYamlValue(text, ["services", "api", "image", "tag"], "9.9.9");
    const before = text.split("\n");
    const after = edited.split("\n");
    expect(after.length).toBe(before.length);
    expect(before.filter((l, i) => l !== after[i]).length).toBe(1);
  });
});

/** A path can be set when every existing node along it is a mapping and the leaf is not a collection. */
function canSet(root: Record<string, unknown>, p: readonly string[]): boolean {
  let cur: unknown = root;
  for (let i = 0; i < p.length; i++) {
    if (cur === undefined) return true;
    if (cur === null || typeof cur !== "object" || Array.isArray(cur)) return false;
    cur = (cur as Record<string, unknown>)[p[i]!];
  }
  return cur === undefined || cur === null || typeof cur !== "object";
}

function setAt(root: Record<string, unknown>, p: readonly string[], v: unknown): void {
  let cur = root;
  p.slice(0, -1).forEach((k) => {
    if (cur[k] === undefined || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  });
  cur[p.at(-1)!] = v;
}
