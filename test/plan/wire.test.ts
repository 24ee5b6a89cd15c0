/** Wire values → plan data in one pass: keys sorted, URNs mapped, secrets masked where they sit. */
import { describe, expect, it } from "vitest";
import { normalizeWire, SIG_KEY, UNKNOWN_SENTINEL } from "../../src/plan/wire";
import { SECRET, UNKNOWN } from "../../src/plan/types";

const secret = (value: unknown) => ({ [SIG_KEY]: "1b47061264138c4ac30d75fd1eb44270", value });
const ref = (urn: string) => ({ [SIG_KEY]: "5cf8f73096256a8f31e491e813e4eb8e", urn });
const mapUrn = (u: string) => u.replace("mock", "engine");

describe("normalizeWire", () => {
  it("sorts keys at every depth and drops undefined members", () => {
    const out = normalizeWire({ b: 1, a: { d: [{ z: 1, y: undefined, x: 2 }], c: undefined } });
    expect(JSON.stringify(out)).toBe('{"a":{"d":[{"x":2,"z":1}]},"b":1}');
  });

  it("maps URN strings and resource references, and marks unknowns", () => {
    const out = normalizeWire({ role: ref("urn:pulumi:s::p::mock"), arn: "urn:pulumi:s::p::mock", id: UNKNOWN_SENTINEL }, [], "", { mapUrn });
    expect(out).toEqual({ arn: "urn:pulumi:s::p::engine", id: UNKNOWN, role: "urn:pulumi:s::p::engine" });
  });

  it("masks secrets, records their paths, and fingerprints the value as the program gave it", () => {
    const paths: string[] = [];
    const seen: [string, unknown][] = [];
    const wire = { data: { list: [1, secret({ b: "urn:pulumi:s::p::mock", a: "x" })] } };
    const masked = normalizeWire(wire, paths, "", { mapUrn, onSecret: (p, v) => seen.push([p, v]) });
    expect(masked).toEqual({ data: { list: [1, SECRET] } });
    expect(paths).toEqual(["data.list[1]"]);
    expect(seen).toEqual([["data.list[1]", { a: "x", b: "urn:pulumi:s::p::mock" }]]);
    expect(normalizeWire(wire, [], "", { mapUrn, maskLeaves: true })).toEqual({ data: { list: [1, { a: SECRET, b: SECRET }] } });
    expect(normalizeWire(wire, [], "", { mapUrn, revealSecrets: true })).toEqual({ data: { list: [1, { a: "x", b: "urn:pulumi:s::p::engine" }] } });
  });

  it("starts paths under the given prefix", () => {
    const paths: string[] = [];
    normalizeWire([secret(1)], paths, "outputs");
    expect(paths).toEqual(["outputs[0]"]);
  });
});
