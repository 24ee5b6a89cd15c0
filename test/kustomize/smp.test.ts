/** Strategic merge patch: table-driven cases (kustomize's behaviour) and properties. */
import fc from "fast-check";
import { applyPatch, compare } from "fast-json-patch";
import { describe, expect, it } from "vitest";
import { clone } from "../../src/kustomize/kobject";
import { CLEAR, mergePatch } from "../../src/kustomize/smp/merge";
import { schemaFor } from "../../src/kustomize/smp/schema";

const deploy = schemaFor({ group: "apps", version: "v1", kind: "Deployment" });
const containers = (list: unknown[]) => ({ spec: { template: { spec: { containers: list } } } });
const merge = (base: unknown, patch: unknown, schema: typeof deploy | null = deploy) => mergePatch(clone(base), clone(patch), schema ?? undefined);

describe("strategic merge patch", () => {
  it.each([
    ["patch scalars win, maps merge", { a: 1, m: { x: 1, y: 2 } }, { a: 2, m: { y: 3 } }, { a: 2, m: { x: 1, y: 3 } }],
    ["null deletes", { a: 1, b: 2 }, { a: null }, { b: 2 }],
    ["$patch: delete on a map", { a: { x: 1 }, b: 1 }, { a: { $patch: "delete" } }, { b: 1 }],
    ["$patch: replace on a map", { a: { x: 1, y: 2 } }, { a: { $patch: "replace", z: 3 } }, { a: { z: 3 } }],
    ["lists without merge key are replaced", { args: ["a", "b"] }, { args: ["c"] }, { args: ["c"] }],
    [
      "containers merge by name, patch elements first",
      containers([{ name: "a", image: "a" }, { name: "b", image: "b" }]),
      containers([{ name: "b", image: "b2" }, { name: "c", image: "c" }]),
      containers([{ name: "b", image: "b2" }, { name: "c", image: "c" }, { name: "a", image: "a" }]),
    ],
    [
      "list element $patch: delete",
      containers([{ name: "a" }, { name: "b" }]),
      containers([{ name: "a", $patch: "delete" }]),
      containers([{ name: "b" }]),
    ],
    [
      "list $patch: replace",
      containers([{ name: "a" }, { name: "b" }]),
      containers([{ $patch: "replace" }, { name: "c" }]),
      containers([{ name: "c" }]),
    ],
    [
      "env merges by name inside a container",
      containers([{ name: "a", env: [{ name: "X", value: "1" }, { name: "Y", value: "2" }] }]),
      containers([{ name: "a", env: [{ name: "Y", value: "3" }, { name: "Z", value: "4" }] }]),
      containers([{ name: "a", env: [{ name: "Y", value: "3" }, { name: "Z", value: "4" }, { name: "X", value: "1" }] }]),
    ],
    [
      "a port with a protocol the base lacks is dropped (kustomize quirk)",
      containers([{ name: "a", ports: [{ containerPort: 80 }] }]),
      containers([{ name: "a", ports: [{ containerPort: 80, protocol: "UDP", name: "dns" }] }]),
      containers([{ name: "a", ports: [{ containerPort: 80 }] }]),
    ],
  ])("%s", (_name, base, patch, expected) => {
    expect(merge(base, patch)).toEqual(expected);
  });

  it("a top-level $patch: delete removes the resource", () => {
    expect(merge({ kind: "X" }, { $patch: "delete" })).toBe(CLEAR);
  });

  it("kinds the schema does not know replace every list", () => {
    expect(merge(containers([{ name: "a" }]), containers([{ name: "b" }]), null)).toEqual(containers([{ name: "b" }]));
  });
});

const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.string(), fc.integer(), fc.boolean(), tie("obj"), fc.array(tie("value"), { maxLength: 3 })),
  obj: fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }).filter((k) => !k.startsWith("$")), tie("value"), { maxKeys: 4 }),
})).obj;

describe("patch properties", () => {
  it("merging an empty patch is the identity", () => {
    fc.assert(
      fc.property(json, (doc) => {
        expect(merge(doc, {}, null)).toEqual(doc);
      }),
    );
  });
  it("merging a document into itself is the identity (no nulls)", () => {
    fc.assert(
      fc.property(json, (doc) => {
        expect(merge(doc, doc, null)).toEqual(doc);
      }),
    );
  });
  it("applying the JSON 6902 diff of a and b to a gives b", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const ops = compare(a, b);
        expect(applyPatch(clone(a), ops, true, false).newDocument).toEqual(b);
      }),
    );
  });
});
