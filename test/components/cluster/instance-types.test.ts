import { describe, expect, it } from "vitest";
import { INSTANCE_TYPES, instanceType } from "../../../components/cluster/instance-types";
import { computeMaxPods } from "../../../components/cluster/max-pods";

const nitroSizes = (small: string[], big: number[], metal: string[]) => [...small, "large", "xlarge", ...big.map((n) => `${n}xlarge`), ...metal];

/** Every size of the families issue 3 asks for, as EC2 offers them. */
const SIZES: Record<string, string[]> = {
  t3: ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"],
  t3a: ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"],
  t4g: ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"],
  m5: nitroSizes([], [2, 4, 8, 12, 16, 24], ["metal"]),
  m5a: nitroSizes([], [2, 4, 8, 12, 16, 24], []),
  m6i: nitroSizes([], [2, 4, 8, 12, 16, 24, 32], ["metal"]),
  m6g: nitroSizes(["medium"], [2, 4, 8, 12, 16], ["metal"]),
  m7i: nitroSizes([], [2, 4, 8, 12, 16, 24, 48], ["metal-24xl", "metal-48xl"]),
  m7g: nitroSizes(["medium"], [2, 4, 8, 12, 16], ["metal"]),
  c5: nitroSizes([], [2, 4, 9, 12, 18, 24], ["metal"]),
  c6i: nitroSizes([], [2, 4, 8, 12, 16, 24, 32], ["metal"]),
  c6g: nitroSizes(["medium"], [2, 4, 8, 12, 16], ["metal"]),
  c7g: nitroSizes(["medium"], [2, 4, 8, 12, 16], ["metal"]),
  r5: nitroSizes([], [2, 4, 8, 12, 16, 24], ["metal"]),
  r6i: nitroSizes([], [2, 4, 8, 12, 16, 24, 32], ["metal"]),
  r6g: nitroSizes(["medium"], [2, 4, 8, 12, 16], ["metal"]),
  r7g: nitroSizes(["medium"], [2, 4, 8, 12, 16], ["metal"]),
};

describe("instance type table", () => {
  it.each(Object.entries(SIZES))("%s has every size", (family, sizes) => {
    for (const size of sizes) expect(instanceType(`${family}.${size}`), `${family}.${size}`).toBeDefined();
    const listed = Object.keys(INSTANCE_TYPES).filter((t) => t.startsWith(`${family}.`));
    expect(listed.sort()).toEqual(sizes.map((s) => `${family}.${s}`).sort());
  });

  it("knows the architecture from the family (Graviton is arm64)", () => {
    expect(instanceType("m7g.large")!.architecture).toBe("arm64");
    expect(instanceType("t4g.nano")!.architecture).toBe("arm64");
    expect(instanceType("m7i.large")!.architecture).toBe("x86_64");
    expect(instanceType("t3a.small")!.architecture).toBe("x86_64");
  });

  it("marks Xen families as not Nitro and bare metal as Nitro", () => {
    expect(instanceType("t2.large")).toMatchObject({ nitro: false, bareMetal: false });
    expect(instanceType("c6i.metal")).toMatchObject({ nitro: true, bareMetal: true, vcpus: 128 });
    expect(instanceType("m7i.metal-48xl")).toMatchObject({ nitro: true, bareMetal: true, vcpus: 192 });
  });

  // Values as misc/eni-max-pods.txt of aws/amazon-vpc-cni-k8s gives them, smallest to largest.
  it.each([
    ["t3.nano", 4], ["t3.micro", 4], ["t3.small", 11], ["t3a.small", 8], ["t4g.small", 11], ["t3.2xlarge", 58],
    ["t2.nano", 4], ["t2.small", 11], ["t2.2xlarge", 44],
    ["m6g.medium", 8], ["c7g.medium", 8], ["r7g.medium", 8],
    ["c5.9xlarge", 234], ["c5.12xlarge", 234], ["m5.16xlarge", 737], ["m5a.24xlarge", 737],
    ["m6i.32xlarge", 737], ["m7i.48xlarge", 737], ["m7i.metal-24xl", 737], ["c7g.metal", 737], ["r6i.8xlarge", 234],
  ])("%s: uncapped max pods %i", (type, expected) => {
    expect(computeMaxPods(instanceType(type)!).uncapped).toBe(expected);
  });

  it("has sane vCPU counts: 4 per xlarge step on sized types", () => {
    for (const [name, t] of Object.entries(INSTANCE_TYPES)) {
      const m = /^(\d+)xlarge$/.exec(name.split(".")[1]!);
      if (m) expect(t.vcpus, name).toBe(4 * Number(m[1]));
    }
    expect(instanceType("c5.18xlarge")!.vcpus).toBe(72);
    expect(instanceType("m6g.medium")!.vcpus).toBe(1);
    expect(instanceType("t3.medium")!.vcpus).toBe(2);
  });

  it("does not answer for names that are not in the table, even inherited ones", () => {
    expect(instanceType("m9.large")).toBeUndefined();
    expect(instanceType("constructor")).toBeUndefined();
  });
});
