import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INSTANCE_TYPES, instanceType } from "../../../components/cluster/instance-types";
import { computeMaxPods } from "../../../components/cluster/max-pods";

const info = (name: string) => {
  const i = instanceType(name);
  if (!i) throw new Error(`unknown ${name}`);
  return i;
};

describe("max pods: known answers (shared/reference/aws-facts.md §1b)", () => {
  // type, ENIs, IPv4/ENI, uncapped formula, EKS recommended (capped), prefix delegation uncapped, PD capped
  it.each([
    ["t2.medium", 3, 6, 17, 17, 17, 17],
    ["t3.medium", 3, 6, 17, 17, 242, 110],
    ["t3.large", 3, 12, 35, 35, 530, 110],
    ["t3.xlarge", 4, 15, 58, 58, 898, 110],
    ["m5.large", 3, 10, 29, 29, 434, 110],
    ["m5.xlarge", 4, 15, 58, 58, 898, 110],
    ["m5.2xlarge", 4, 15, 58, 58, 898, 110],
    ["m5.4xlarge", 8, 30, 234, 110, 3714, 110],
    ["m6i.large", 3, 10, 29, 29, 434, 110],
    ["m7g.large", 3, 10, 29, 29, 434, 110],
    ["c5.large", 3, 10, 29, 29, 434, 110],
    ["c5.18xlarge", 15, 50, 737, 250, 11762, 250],
    ["r5.large", 3, 10, 29, 29, 434, 110],
    ["r6g.xlarge", 4, 15, 58, 58, 898, 110],
  ])("%s: %i ENIs × %i IPs → %i uncapped, %i recommended; prefix delegation %i → %i", (type, enis, ips, uncapped, capped, pdUncapped, pdCapped) => {
    const plain = computeMaxPods(info(type));
    expect([plain.enis, plain.ipv4PerEni, plain.uncapped, plain.maxPods]).toEqual([enis, ips, uncapped, capped]);
    const pd = computeMaxPods(info(type), { prefixDelegation: true });
    expect([pd.uncapped, pd.maxPods]).toEqual([pdUncapped, pdCapped]);
  });

  it("matches the calculator's own test vectors", () => {
    // max-pods-calculator.sh test cases: m5.8xlarge → 234, with prefix delegation → 250 (32 vCPUs).
    expect(computeMaxPods(info("m5.8xlarge")).uncapped).toBe(234);
    expect(computeMaxPods(info("m5.8xlarge"), { prefixDelegation: true }).maxPods).toBe(250);
    // EKS user guide: m5.large 29; custom networking 20; prefix delegation 110.
    expect(computeMaxPods(info("m5.large"), { customNetworking: true }).maxPods).toBe(20);
    expect(computeMaxPods(info("m5.large"), { prefixDelegation: true }).maxPods).toBe(110);
  });

  it("caps at 110 up to 30 vCPUs and at 250 above", () => {
    expect(computeMaxPods(info("c5.9xlarge"))).toMatchObject({ vcpus: 36, uncapped: 234, cap: 250, maxPods: 234 });
    expect(computeMaxPods(info("m5.8xlarge"))).toMatchObject({ vcpus: 32, cap: 250, maxPods: 234 });
    expect(computeMaxPods(info("m5.4xlarge"))).toMatchObject({ vcpus: 16, cap: 110, maxPods: 110 });
  });

  it("uses secondary IPs on non-Nitro types even when prefix delegation is asked, and says so", () => {
    const r = computeMaxPods(info("t2.large"), { prefixDelegation: true });
    expect(r).toMatchObject({ mode: "secondary-ip", uncapped: 35 });
    expect(r.notes[0]).toContain("prefix delegation needs a Nitro instance");
  });

  it("counts bare metal as Nitro for prefix delegation", () => {
    expect(computeMaxPods(info("m5.metal"), { prefixDelegation: true }).mode).toBe("prefix-delegation");
  });

  it("limits ENIs with maxEni and removes one for custom networking", () => {
    expect(computeMaxPods(info("m5.4xlarge"), { maxEni: 2 })).toMatchObject({ enis: 2, uncapped: 60, maxPods: 60 });
    expect(computeMaxPods(info("m5.4xlarge"), { maxEni: 2, customNetworking: true })).toMatchObject({ enis: 1, uncapped: 31 });
    expect(computeMaxPods(info("m5.large"), { maxEni: 9 }).enis).toBe(3);
  });
});

describe("max pods: properties over the whole table", () => {
  const types = fc.constantFrom(...Object.keys(INSTANCE_TYPES));
  const options = fc.record({ prefixDelegation: fc.boolean(), customNetworking: fc.boolean(), maxEni: fc.option(fc.integer({ min: 1, max: 16 }), { nil: undefined }) });

  it("never exceeds the cap of the type's vCPU class, nor the uncapped formula", () => {
    fc.assert(
      fc.property(types, options, (t, o) => {
        const r = computeMaxPods(INSTANCE_TYPES[t]!, o);
        expect(r.maxPods).toBe(Math.min(r.uncapped, r.cap));
        expect(r.cap).toBe(r.vcpus > 30 ? 250 : 110);
      }),
    );
  });

  it("prefix delegation never gives fewer pods, custom networking never more", () => {
    fc.assert(
      fc.property(types, (t) => {
        const i = INSTANCE_TYPES[t]!;
        expect(computeMaxPods(i, { prefixDelegation: true }).maxPods).toBeGreaterThanOrEqual(computeMaxPods(i).maxPods);
        expect(computeMaxPods(i, { customNetworking: true }).maxPods).toBeLessThanOrEqual(computeMaxPods(i).maxPods);
      }),
    );
  });
});
