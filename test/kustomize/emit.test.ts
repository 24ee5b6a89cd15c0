/** The go-yaml v2 compatible serializer: key order, quoting, numbers, block scalars. */
import { describe, expect, it } from "vitest";
import { serializeObjects } from "../../src/kustomize/index";
import { formatNonString } from "../../src/kustomize/yaml/emit";
import { sortKeysV2 } from "../../src/kustomize/yaml/key-order";

describe("serializer", () => {
  it("sorts keys like go-yaml v2 (digits as numbers, letters after other characters)", () => {
    expect(sortKeysV2(["a10", "a9", "b", "A", "_x", "-y", "10", "2", "a.b", "a"])).toEqual(["-y", "_x", "2", "10", "A", "a", "a.b", "a9", "a10", "b"]);
  });
  it.each([
    ["yes", '"yes"'],
    ["1.0", '"1.0"'],
    ["0755", '"0755"'],
    ["1:20", '"1:20"'],
    ["2024-01-02", '"2024-01-02"'],
    ["a: b", "'a: b'"],
    ["it's", "it's"],
    ["", '""'],
    ["a\tb", '"a\\tb"'],
    ["x\ny\n", "|\n    x\n    y"],
    ["x\ny", "|-\n    x\n    y"],
  ])("quotes %j as %s", (value, out) => {
    expect(serializeObjects([{ k: { v: value } }])).toBe(`k:\n  v: ${out}\n`);
  });
  it.each([
    [1, "1"],
    [1.5, "1.5"],
    [1e21, "1e+21"],
    [123456789.123, "1.23456789123e+08"],
    [0.00001, "1e-05"],
    [true, "true"],
    [null, "null"],
  ])("prints %j as %s", (value, out) => {
    expect(formatNonString(value)).toBe(out);
  });
  it("does not indent sequences under their key and separates documents", () => {
    expect(serializeObjects([{ a: [{ b: 1, c: [] }] }, { d: {} }])).toBe("a:\n- b: 1\n  c: []\n---\nd: {}\n");
  });
  it("folds long plain strings at 80 columns", () => {
    const long = "word ".repeat(20).trim();
    expect(serializeObjects([{ k: long }])).toBe(`k: ${"word ".repeat(15)}word\n  ${"word ".repeat(3)}word\n`);
  });
});
