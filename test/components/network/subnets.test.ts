import { containsCidr, overlapCidr } from "cidr-tools";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCidr, parseCidr } from "../../../components/network/cidr";
import { allocateSubnets, layoutTiers, type SubnetLayoutInput } from "../../../components/network/subnets";
import { InputError } from "../../../src/util/errors";
import { inputErrorOf } from "../../helpers";

const base: SubnetLayoutInput = { vpcCidr: "10.40.0.0/16", azSlots: 4, prefixLength: { private: 19, public: 24, data: 24 } };
const AZS = ["use1-az1", "use1-az2", "use1-az4", "use1-az5", "use1-az6", "use1-az7", "use1-az8", "use1-az9"];

const errorOf = inputErrorOf;

describe("subnet allocator (known answers)", () => {
  it("lays out private, public and data blocks in that order, each aligned to its size", () => {
    expect(layoutTiers(base).map((b) => `${b.tier} ${b.cidr}`)).toEqual(["private 10.40.0.0/17", "public 10.40.128.0/22", "data 10.40.132.0/22"]);
  });

  it("gives AZ i slot i in every tier", () => {
    const subnets = allocateSubnets(base, ["use1-az1", "use1-az2", "use1-az4"]);
    expect(subnets.map((s) => `${s.tier}-${s.azId} ${s.cidr}`)).toEqual([
      "private-use1-az1 10.40.0.0/19",
      "private-use1-az2 10.40.32.0/19",
      "private-use1-az4 10.40.64.0/19",
      "public-use1-az1 10.40.128.0/24",
      "public-use1-az2 10.40.129.0/24",
      "public-use1-az4 10.40.130.0/24",
      "data-use1-az1 10.40.132.0/24",
      "data-use1-az2 10.40.133.0/24",
      "data-use1-az4 10.40.134.0/24",
    ]);
  });

  it("aligns a small tier that comes after a big one, and rounds slots up to a power of two", () => {
    const blocks = layoutTiers({ vpcCidr: "10.0.0.0/16", azSlots: 3, prefixLength: { private: 20, public: 26, data: 22 } });
    // private: 3 slots → 4 × /20 = /18; public: 4 × /26 = /24; data 4 × /22 = /20, aligned up past public.
    expect(blocks.map((b) => b.cidr)).toEqual(["10.0.0.0/18", "10.0.64.0/24", "10.0.80.0/20"]);
  });

  it("refuses a layout that does not fit, naming the tier's value path", () => {
    const err = errorOf(() => layoutTiers({ ...base, vpcCidr: "10.40.0.0/18" }));
    expect(err.problems).toEqual([
      {
        path: "network.subnets.private.prefixLength",
        message:
          "the private tier does not fit in 10.40.0.0/18 (private 4 × /19, public 4 × /24, data 4 × /24); use smaller subnets, fewer azSlots or a larger VPC",
      },
    ]);
    const tooBig = errorOf(() => layoutTiers({ ...base, prefixLength: { ...base.prefixLength, data: 15 } }));
    expect(tooBig.problems).toEqual([{ path: "network.subnets.data.prefixLength", message: "a /15 subnet does not fit in the VPC range 10.40.0.0/16" }]);
  });

  it("refuses more AZs than slots", () => {
    const err = errorOf(() => allocateSubnets({ ...base, azSlots: 2 }, AZS.slice(0, 3)));
    expect(err.problems).toEqual([expect.objectContaining({ path: "network.azSlots", message: expect.stringContaining("3 AZs need 3 subnet slots per tier, only 2 reserved") })]);
  });

  it("refuses a VPC range with host bits set or outside /16–/28", () => {
    expect(errorOf(() => layoutTiers({ ...base, vpcCidr: "10.40.1.0/16" })).message).toContain("expected the network address 10.40.0.0/16");
    expect(errorOf(() => layoutTiers({ ...base, vpcCidr: "10.0.0.0/8" })).message).toContain("a VPC range must be /16 to /28, got /8");
  });
});

/** Any layout input, valid or not; the properties are about the ones the allocator accepts. */
const layoutInput = fc.record({
  vpcBase: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  vpcPrefix: fc.integer({ min: 16, max: 24 }),
  azSlots: fc.integer({ min: 1, max: 8 }),
  private: fc.integer({ min: 16, max: 28 }),
  public: fc.integer({ min: 16, max: 28 }),
  data: fc.integer({ min: 16, max: 28 }),
  azCount: fc.integer({ min: 1, max: 8 }),
});

function accepted(x: ArbValue<typeof layoutInput>): { input: SubnetLayoutInput; azIds: string[] } | undefined {
  const vpcCidr = formatCidr(parseCidr(`${[24, 16, 8, 0].map((s) => Math.floor(x.vpcBase / 2 ** s) % 256).join(".")}/${x.vpcPrefix}`));
  const input: SubnetLayoutInput = { vpcCidr, azSlots: x.azSlots, prefixLength: { private: x.private, public: x.public, data: x.data } };
  const azIds = AZS.slice(0, Math.min(x.azCount, x.azSlots));
  try {
    allocateSubnets(input, azIds);
    return { input, azIds };
  } catch (err) {
    if (err instanceof InputError) return undefined;
    throw err;
  }
}

describe("subnet allocator (properties)", () => {
  it("never overlaps and always fits inside the VPC (checked with cidr-tools)", () => {
    fc.assert(
      fc.property(layoutInput, (x) => {
        const ok = accepted(x);
        fc.pre(ok !== undefined);
        const subnets = allocateSubnets(ok!.input, ok!.azIds);
        for (const [i, a] of subnets.entries()) {
          expect(containsCidr(ok!.input.vpcCidr, a.cidr)).toBe(true);
          for (const b of subnets.slice(i + 1)) expect(overlapCidr(a.cidr, b.cidr)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("gives each subnet the tier's prefix length", () => {
    fc.assert(
      fc.property(layoutInput, (x) => {
        const ok = accepted(x);
        fc.pre(ok !== undefined);
        for (const s of allocateSubnets(ok!.input, ok!.azIds)) expect(parseCidr(s.cidr).prefix).toBe(ok!.input.prefixLength[s.tier]);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps every existing CIDR when an AZ is added", () => {
    fc.assert(
      fc.property(layoutInput, (x) => {
        const ok = accepted(x);
        fc.pre(ok !== undefined && ok.azIds.length < ok.input.azSlots);
        const before = allocateSubnets(ok!.input, ok!.azIds);
        const after = allocateSubnets(ok!.input, AZS.slice(0, ok!.azIds.length + 1));
        const key = (s: { tier: string; azId: string }) => `${s.tier}/${s.azId}`;
        const afterByKey = new Map(after.map((s) => [key(s), s.cidr]));
        for (const s of before) expect(afterByKey.get(key(s))).toBe(s.cidr);
        expect(after.length).toBe(before.length + 3);
      }),
      { numRuns: 300 },
    );
  });
});

/** The value type an arbitrary generates. */
type ArbValue<A> = A extends fc.Arbitrary<infer T> ? T : never;
