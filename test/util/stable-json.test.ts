/**
 * stableStringify prints what `JSON.stringify(sortKeysDeep(v))` prints — whether the value is
 * already in order (printed without a copy) or not.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortKeysDeep, stableStringify } from "../../src/util/stable-json";

const reference = (v: unknown) => `${JSON.stringify(sortKeysDeep(v), null, 2)}\n`;

const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 3 }), tie("node"), { maxKeys: 5 }),
  ),
})).node;

describe("stableStringify", () => {
  it("prints any value as JSON.stringify of its sorted copy", () => {
    fc.assert(fc.property(value, (v) => {
      expect(stableStringify(v)).toBe(reference(v));
    }), { numRuns: 500 });
  });

  it("prints an already sorted value the same way", () => {
    fc.assert(fc.property(value, (v) => {
      expect(stableStringify(sortKeysDeep(v))).toBe(reference(v));
    }), { numRuns: 300 });
  });

  it("sorts inside a sorted object, drops undefined members, and prints class instances as sortKeysDeep does", () => {
    const v = { a: { z: 1, b: [{ y: 2, x: 3 }] }, b: undefined, c: new Date(0), d: [undefined, { k: undefined }] };
    expect(stableStringify(v)).toBe(reference(v));
    expect(stableStringify(v)).toBe('{\n  "a": {\n    "b": [\n      {\n        "x": 3,\n        "y": 2\n      }\n    ],\n    "z": 1\n  },\n  "c": {},\n  "d": [\n    null,\n    {}\n  ]\n}\n');
  });
});
