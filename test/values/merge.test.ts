import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeLayers, mergeValues } from "../../src/values/merge";

/** Values as YAML produces them, without nulls (a null means "delete" only in an overlay). */
const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean());
const key = fc.constantFrom("a", "b", "c", "d", "replicas", "image");
const leaf = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
/**
 * Values whose shape a schema fixes: a key always holds a map ("image", "a", "b") or always a
 * leaf ("c", "d", "replicas"), as the spec's keys do. (A layer that turns a map into a scalar
 * and back is not associative under Helm's merge, and no schema allows it.)
 */
const MAP_KEYS = ["a", "b", "image"];
const valuesArb = fc.letrec((tie) => ({
  map: fc.oneof(
    { depthSize: "small" },
    fc.constant({}),
    fc.dictionary(key, fc.constant(null), { maxKeys: 4 }).chain((keys) =>
      fc.record(Object.fromEntries(Object.keys(keys).map((k) => [k, MAP_KEYS.includes(k) ? tie("map") : leaf]))),
    ),
  ),
})).map as fc.Arbitrary<Record<string, unknown>>;

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** True when `c` has a map at a path where `b` has a list or a scalar. */
function mapOverNonMap(b: Record<string, unknown>, c: Record<string, unknown>): boolean {
  return Object.entries(c).some(([k, v]) => isMap(v) && b[k] !== undefined && (!isMap(b[k]) || mapOverNonMap(b[k] as Record<string, unknown>, v)));
}

describe("mergeValues (Helm semantics)", () => {
  it("deep-merges maps and lets the overlay win on scalars", () => {
    expect(mergeValues({ a: { x: 1, y: 2 }, b: 1 }, { a: { y: 3, z: 4 }, b: 2 })).toEqual({ a: { x: 1, y: 3, z: 4 }, b: 2 });
  });

  it("replaces lists instead of merging them", () => {
    expect(mergeValues({ l: [1, 2, 3] }, { l: [9] })).toEqual({ l: [9] });
  });

  it("deletes a key whose overlay value is null, including a whole subtree", () => {
    expect(mergeValues({ a: { x: 1 }, b: 2 }, { a: null })).toEqual({ b: 2 });
    expect(mergeValues({ a: { x: 1, y: 2 } }, { a: { x: null } })).toEqual({ a: { y: 2 } });
  });

  it("drops nulls inside a subtree that replaces a scalar (nothing to delete there)", () => {
    expect(mergeValues({ a: 1 }, { a: { x: null, y: 2 } })).toEqual({ a: { y: 2 } });
  });

  it("lets a scalar replace a map and a map replace a scalar", () => {
    expect(mergeValues({ a: { x: 1 } }, { a: "s" })).toEqual({ a: "s" });
    expect(mergeValues({ a: "s" }, { a: { x: 1 } })).toEqual({ a: { x: 1 } });
  });

  it("does not modify its inputs", () => {
    const base = { a: { x: 1 } };
    const overlay = { a: { y: 2 } };
    mergeValues(base, overlay);
    expect(base).toEqual({ a: { x: 1 } });
    expect(overlay).toEqual({ a: { y: 2 } });
  });

  it("property: merging with an empty overlay is the identity", () => {
    fc.assert(fc.property(valuesArb, (v) => { expect(mergeValues(v, {})).toEqual(v); }));
  });

  it("property: an empty base is the identity for null-free overlays", () => {
    fc.assert(fc.property(valuesArb, (v) => { expect(mergeValues({}, v)).toEqual(v); }));
  });

  it("property: merge is associative over layers", () => {
    fc.assert(
      fc.property(valuesArb, valuesArb, valuesArb, (a, b, c) => {
        // Where b replaces a map by a list or scalar and c brings a map back, a's keys survive
        // only when b and c are merged first: Helm's merge is not associative there.
        fc.pre(!mapOverNonMap(b, c));
        expect(mergeValues(mergeValues(a, b), c)).toEqual(mergeValues(a, mergeValues(b, c)));
      }),
    );
  });

  it("property: a layer's scalars always survive the merge", () => {
    fc.assert(
      fc.property(valuesArb, fc.dictionary(key, scalar, { maxKeys: 3 }), (a, b) => {
        const merged = mergeValues(a, b);
        for (const [k, v] of Object.entries(b)) expect(merged[k]).toEqual(v);
      }),
    );
  });

  it("mergeLayers folds left to right", () => {
    expect(mergeLayers([{ a: 1, b: 1 }, { b: 2, c: 2 }, { c: 3 }])).toEqual({ a: 1, b: 2, c: 3 });
  });
});
