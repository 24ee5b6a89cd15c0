/**
 * EC2 instance types stackplan knows: network limits for the Amazon VPC CNI max-pods formula,
 * vCPUs (for the 110/250 cap) and architecture (for the AMI type).
 *
 * Sources (cross-checked, every value): ENIs and IPv4 addresses per ENI from
 * aws/amazon-vpc-cni-k8s `pkg/vpc/vpc_ip_resource_limit.go` (ENIs of the default network card),
 * whose `misc/eni-max-pods.txt` gives ENIs × (IPv4 − 1) + 2 for every row here (v1.23.1);
 * vCPUs from kubernetes/kops `machine_types.go` (2020 table) and AWS's published sizes.
 * Bare-metal sizes count as Nitro: the CNI allows prefix delegation on them.
 *
 * An instance type missing here is an input error unless its node group gives `maxPods`.
 */
import { suggest } from "../../src/util/zod-problems";

export type Architecture = "x86_64" | "arm64";

export interface InstanceTypeInfo {
  readonly name: string;
  /** Network interfaces of the default network card. */
  readonly enis: number;
  readonly ipv4PerEni: number;
  readonly vcpus: number;
  /** Nitro hypervisor or Nitro bare metal: prefix delegation is possible. */
  readonly nitro: boolean;
  readonly architecture: Architecture;
  readonly bareMetal: boolean;
}

/** Families: architecture and whether the family runs on Nitro. */
const FAMILIES: Readonly<Record<string, { readonly architecture: Architecture; readonly nitro: boolean }>> = {
  t2: { architecture: "x86_64", nitro: false },
  ...Object.fromEntries(
    ["t3", "t3a", "m5", "m5a", "m6i", "m6a", "m7i", "c5", "c6i", "c6a", "c7i", "r5", "r6i", "r6a", "r7i"].map((f) => [f, { architecture: "x86_64", nitro: true }]),
  ),
  ...Object.fromEntries(
    ["t4g", "m6g", "m7g", "m8g", "c6g", "c7g", "c8g", "r6g", "r7g", "r8g"].map((f) => [f, { architecture: "arm64", nitro: true }]),
  ),
};

/** type → [ENIs, IPv4 per ENI, vCPUs] */
const LIMITS: Readonly<Record<string, readonly [number, number, number]>> = {
  // t2: x86_64, Xen (not Nitro)
  "t2.nano":          [ 2,  2,   1],
  "t2.micro":         [ 2,  2,   1],
  "t2.small":         [ 3,  4,   1],
  "t2.medium":        [ 3,  6,   2],
  "t2.large":         [ 3, 12,   2],
  "t2.xlarge":        [ 3, 15,   4],
  "t2.2xlarge":       [ 3, 15,   8],
  // t3: x86_64, Nitro
  "t3.nano":          [ 2,  2,   2],
  "t3.micro":         [ 2,  2,   2],
  "t3.small":         [ 3,  4,   2],
  "t3.medium":        [ 3,  6,   2],
  "t3.large":         [ 3, 12,   2],
  "t3.xlarge":        [ 4, 15,   4],
  "t3.2xlarge":       [ 4, 15,   8],
  // t3a: x86_64, Nitro
  "t3a.nano":         [ 2,  2,   2],
  "t3a.micro":        [ 2,  2,   2],
  "t3a.small":        [ 2,  4,   2],
  "t3a.medium":       [ 3,  6,   2],
  "t3a.large":        [ 3, 12,   2],
  "t3a.xlarge":       [ 4, 15,   4],
  "t3a.2xlarge":      [ 4, 15,   8],
  // t4g: arm64, Nitro
  "t4g.nano":         [ 2,  2,   2],
  "t4g.micro":        [ 2,  2,   2],
  "t4g.small":        [ 3,  4,   2],
  "t4g.medium":       [ 3,  6,   2],
  "t4g.large":        [ 3, 12,   2],
  "t4g.xlarge":       [ 4, 15,   4],
  "t4g.2xlarge":      [ 4, 15,   8],
  // m5: x86_64, Nitro
  "m5.large":         [ 3, 10,   2],
  "m5.xlarge":        [ 4, 15,   4],
  "m5.2xlarge":       [ 4, 15,   8],
  "m5.4xlarge":       [ 8, 30,  16],
  "m5.8xlarge":       [ 8, 30,  32],
  "m5.12xlarge":      [ 8, 30,  48],
  "m5.16xlarge":      [15, 50,  64],
  "m5.24xlarge":      [15, 50,  96],
  "m5.metal":         [15, 50,  96],
  // m5a: x86_64, Nitro
  "m5a.large":        [ 3, 10,   2],
  "m5a.xlarge":       [ 4, 15,   4],
  "m5a.2xlarge":      [ 4, 15,   8],
  "m5a.4xlarge":      [ 8, 30,  16],
  "m5a.8xlarge":      [ 8, 30,  32],
  "m5a.12xlarge":     [ 8, 30,  48],
  "m5a.16xlarge":     [15, 50,  64],
  "m5a.24xlarge":     [15, 50,  96],
  // m6i: x86_64, Nitro
  "m6i.large":        [ 3, 10,   2],
  "m6i.xlarge":       [ 4, 15,   4],
  "m6i.2xlarge":      [ 4, 15,   8],
  "m6i.4xlarge":      [ 8, 30,  16],
  "m6i.8xlarge":      [ 8, 30,  32],
  "m6i.12xlarge":     [ 8, 30,  48],
  "m6i.16xlarge":     [15, 50,  64],
  "m6i.24xlarge":     [15, 50,  96],
  "m6i.32xlarge":     [15, 50, 128],
  "m6i.metal":        [15, 50, 128],
  // m6a: x86_64, Nitro
  "m6a.large":        [ 3, 10,   2],
  "m6a.xlarge":       [ 4, 15,   4],
  "m6a.2xlarge":      [ 4, 15,   8],
  "m6a.4xlarge":      [ 8, 30,  16],
  "m6a.8xlarge":      [ 8, 30,  32],
  "m6a.12xlarge":     [ 8, 30,  48],
  "m6a.16xlarge":     [15, 50,  64],
  "m6a.24xlarge":     [15, 50,  96],
  "m6a.32xlarge":     [15, 50, 128],
  "m6a.48xlarge":     [15, 50, 192],
  "m6a.metal":        [15, 50, 192],
  // m6g: arm64, Nitro
  "m6g.medium":       [ 2,  4,   1],
  "m6g.large":        [ 3, 10,   2],
  "m6g.xlarge":       [ 4, 15,   4],
  "m6g.2xlarge":      [ 4, 15,   8],
  "m6g.4xlarge":      [ 8, 30,  16],
  "m6g.8xlarge":      [ 8, 30,  32],
  "m6g.12xlarge":     [ 8, 30,  48],
  "m6g.16xlarge":     [15, 50,  64],
  "m6g.metal":        [15, 50,  64],
  // m7i: x86_64, Nitro
  "m7i.large":        [ 3, 10,   2],
  "m7i.xlarge":       [ 4, 15,   4],
  "m7i.2xlarge":      [ 4, 15,   8],
  "m7i.4xlarge":      [ 8, 30,  16],
  "m7i.8xlarge":      [ 8, 30,  32],
  "m7i.12xlarge":     [ 8, 30,  48],
  "m7i.16xlarge":     [15, 50,  64],
  "m7i.24xlarge":     [15, 50,  96],
  "m7i.48xlarge":     [15, 50, 192],
  "m7i.metal-24xl":   [15, 50,  96],
  "m7i.metal-48xl":   [15, 50, 192],
  // m7g: arm64, Nitro
  "m7g.medium":       [ 2,  4,   1],
  "m7g.large":        [ 3, 10,   2],
  "m7g.xlarge":       [ 4, 15,   4],
  "m7g.2xlarge":      [ 4, 15,   8],
  "m7g.4xlarge":      [ 8, 30,  16],
  "m7g.8xlarge":      [ 8, 30,  32],
  "m7g.12xlarge":     [ 8, 30,  48],
  "m7g.16xlarge":     [15, 50,  64],
  "m7g.metal":        [15, 50,  64],
  // m8g: arm64, Nitro
  "m8g.medium":       [ 2,  4,   1],
  "m8g.large":        [ 3, 10,   2],
  "m8g.xlarge":       [ 4, 15,   4],
  "m8g.2xlarge":      [ 4, 15,   8],
  "m8g.4xlarge":      [ 8, 30,  16],
  "m8g.8xlarge":      [ 8, 30,  32],
  "m8g.12xlarge":     [ 8, 30,  48],
  "m8g.16xlarge":     [15, 50,  64],
  "m8g.24xlarge":     [15, 50,  96],
  "m8g.48xlarge":     [15, 50, 192],
  "m8g.metal-24xl":   [15, 50,  96],
  "m8g.metal-48xl":   [15, 50, 192],
  // c5: x86_64, Nitro
  "c5.large":         [ 3, 10,   2],
  "c5.xlarge":        [ 4, 15,   4],
  "c5.2xlarge":       [ 4, 15,   8],
  "c5.4xlarge":       [ 8, 30,  16],
  "c5.9xlarge":       [ 8, 30,  36],
  "c5.12xlarge":      [ 8, 30,  48],
  "c5.18xlarge":      [15, 50,  72],
  "c5.24xlarge":      [15, 50,  96],
  "c5.metal":         [15, 50,  96],
  // c6i: x86_64, Nitro
  "c6i.large":        [ 3, 10,   2],
  "c6i.xlarge":       [ 4, 15,   4],
  "c6i.2xlarge":      [ 4, 15,   8],
  "c6i.4xlarge":      [ 8, 30,  16],
  "c6i.8xlarge":      [ 8, 30,  32],
  "c6i.12xlarge":     [ 8, 30,  48],
  "c6i.16xlarge":     [15, 50,  64],
  "c6i.24xlarge":     [15, 50,  96],
  "c6i.32xlarge":     [15, 50, 128],
  "c6i.metal":        [15, 50, 128],
  // c6a: x86_64, Nitro
  "c6a.large":        [ 3, 10,   2],
  "c6a.xlarge":       [ 4, 15,   4],
  "c6a.2xlarge":      [ 4, 15,   8],
  "c6a.4xlarge":      [ 8, 30,  16],
  "c6a.8xlarge":      [ 8, 30,  32],
  "c6a.12xlarge":     [ 8, 30,  48],
  "c6a.16xlarge":     [15, 50,  64],
  "c6a.24xlarge":     [15, 50,  96],
  "c6a.32xlarge":     [15, 50, 128],
  "c6a.48xlarge":     [15, 50, 192],
  "c6a.metal":        [15, 50, 192],
  // c6g: arm64, Nitro
  "c6g.medium":       [ 2,  4,   1],
  "c6g.large":        [ 3, 10,   2],
  "c6g.xlarge":       [ 4, 15,   4],
  "c6g.2xlarge":      [ 4, 15,   8],
  "c6g.4xlarge":      [ 8, 30,  16],
  "c6g.8xlarge":      [ 8, 30,  32],
  "c6g.12xlarge":     [ 8, 30,  48],
  "c6g.16xlarge":     [15, 50,  64],
  "c6g.metal":        [15, 50,  64],
  // c7i: x86_64, Nitro
  "c7i.large":        [ 3, 10,   2],
  "c7i.xlarge":       [ 4, 15,   4],
  "c7i.2xlarge":      [ 4, 15,   8],
  "c7i.4xlarge":      [ 8, 30,  16],
  "c7i.8xlarge":      [ 8, 30,  32],
  "c7i.12xlarge":     [ 8, 30,  48],
  "c7i.16xlarge":     [15, 50,  64],
  "c7i.24xlarge":     [15, 50,  96],
  "c7i.32xlarge":     [15, 50, 128],
  "c7i.48xlarge":     [15, 50, 192],
  "c7i.metal-24xl":   [15, 50,  96],
  "c7i.metal-48xl":   [15, 50, 192],
  // c7g: arm64, Nitro
  "c7g.medium":       [ 2,  4,   1],
  "c7g.large":        [ 3, 10,   2],
  "c7g.xlarge":       [ 4, 15,   4],
  "c7g.2xlarge":      [ 4, 15,   8],
  "c7g.4xlarge":      [ 8, 30,  16],
  "c7g.8xlarge":      [ 8, 30,  32],
  "c7g.12xlarge":     [ 8, 30,  48],
  "c7g.16xlarge":     [15, 50,  64],
  "c7g.metal":        [15, 50,  64],
  // c8g: arm64, Nitro
  "c8g.medium":       [ 2,  4,   1],
  "c8g.large":        [ 3, 10,   2],
  "c8g.xlarge":       [ 4, 15,   4],
  "c8g.2xlarge":      [ 4, 15,   8],
  "c8g.4xlarge":      [ 8, 30,  16],
  "c8g.8xlarge":      [ 8, 30,  32],
  "c8g.12xlarge":     [ 8, 30,  48],
  "c8g.16xlarge":     [15, 50,  64],
  "c8g.24xlarge":     [15, 50,  96],
  "c8g.48xlarge":     [15, 50, 192],
  "c8g.metal-24xl":   [15, 50,  96],
  "c8g.metal-48xl":   [15, 50, 192],
  // r5: x86_64, Nitro
  "r5.large":         [ 3, 10,   2],
  "r5.xlarge":        [ 4, 15,   4],
  "r5.2xlarge":       [ 4, 15,   8],
  "r5.4xlarge":       [ 8, 30,  16],
  "r5.8xlarge":       [ 8, 30,  32],
  "r5.12xlarge":      [ 8, 30,  48],
  "r5.16xlarge":      [15, 50,  64],
  "r5.24xlarge":      [15, 50,  96],
  "r5.metal":         [15, 50,  96],
  // r6i: x86_64, Nitro
  "r6i.large":        [ 3, 10,   2],
  "r6i.xlarge":       [ 4, 15,   4],
  "r6i.2xlarge":      [ 4, 15,   8],
  "r6i.4xlarge":      [ 8, 30,  16],
  "r6i.8xlarge":      [ 8, 30,  32],
  "r6i.12xlarge":     [ 8, 30,  48],
  "r6i.16xlarge":     [15, 50,  64],
  "r6i.24xlarge":     [15, 50,  96],
  "r6i.32xlarge":     [15, 50, 128],
  "r6i.metal":        [15, 50, 128],
  // r6a: x86_64, Nitro
  "r6a.large":        [ 3, 10,   2],
  "r6a.xlarge":       [ 4, 15,   4],
  "r6a.2xlarge":      [ 4, 15,   8],
  "r6a.4xlarge":      [ 8, 30,  16],
  "r6a.8xlarge":      [ 8, 30,  32],
  "r6a.12xlarge":     [ 8, 30,  48],
  "r6a.16xlarge":     [15, 50,  64],
  "r6a.24xlarge":     [15, 50,  96],
  "r6a.32xlarge":     [15, 50, 128],
  "r6a.48xlarge":     [15, 50, 192],
  "r6a.metal":        [15, 50, 192],
  // r6g: arm64, Nitro
  "r6g.medium":       [ 2,  4,   1],
  "r6g.large":        [ 3, 10,   2],
  "r6g.xlarge":       [ 4, 15,   4],
  "r6g.2xlarge":      [ 4, 15,   8],
  "r6g.4xlarge":      [ 8, 30,  16],
  "r6g.8xlarge":      [ 8, 30,  32],
  "r6g.12xlarge":     [ 8, 30,  48],
  "r6g.16xlarge":     [15, 50,  64],
  "r6g.metal":        [15, 50,  64],
  // r7i: x86_64, Nitro
  "r7i.large":        [ 3, 10,   2],
  "r7i.xlarge":       [ 4, 15,   4],
  "r7i.2xlarge":      [ 4, 15,   8],
  "r7i.4xlarge":      [ 8, 30,  16],
  "r7i.8xlarge":      [ 8, 30,  32],
  "r7i.12xlarge":     [ 8, 30,  48],
  "r7i.16xlarge":     [15, 50,  64],
  "r7i.24xlarge":     [15, 50,  96],
  "r7i.48xlarge":     [15, 50, 192],
  "r7i.metal-24xl":   [15, 50,  96],
  "r7i.metal-48xl":   [15, 50, 192],
  // r7g: arm64, Nitro
  "r7g.medium":       [ 2,  4,   1],
  "r7g.large":        [ 3, 10,   2],
  "r7g.xlarge":       [ 4, 15,   4],
  "r7g.2xlarge":      [ 4, 15,   8],
  "r7g.4xlarge":      [ 8, 30,  16],
  "r7g.8xlarge":      [ 8, 30,  32],
  "r7g.12xlarge":     [ 8, 30,  48],
  "r7g.16xlarge":     [15, 50,  64],
  "r7g.metal":        [15, 50,  64],
  // r8g: arm64, Nitro
  "r8g.medium":       [ 2,  4,   1],
  "r8g.large":        [ 3, 10,   2],
  "r8g.xlarge":       [ 4, 15,   4],
  "r8g.2xlarge":      [ 4, 15,   8],
  "r8g.4xlarge":      [ 8, 30,  16],
  "r8g.8xlarge":      [ 8, 30,  32],
  "r8g.12xlarge":     [ 8, 30,  48],
  "r8g.16xlarge":     [15, 50,  64],
  "r8g.24xlarge":     [15, 50,  96],
  "r8g.48xlarge":     [15, 50, 192],
  "r8g.metal-24xl":   [15, 50,  96],
  "r8g.metal-48xl":   [15, 50, 192],
};

/** Every known instance type, by name. */
export const INSTANCE_TYPES: Readonly<Record<string, InstanceTypeInfo>> = Object.fromEntries(
  Object.entries(LIMITS).map(([name, [enis, ipv4PerEni, vcpus]]) => {
    const [family, size] = name.split(".") as [string, string];
    const f = FAMILIES[family]!;
    return [name, { name, enis, ipv4PerEni, vcpus, nitro: f.nitro, architecture: f.architecture, bareMetal: size.startsWith("metal") }];
  }),
);

export function instanceType(name: string): InstanceTypeInfo | undefined {
  return Object.prototype.hasOwnProperty.call(INSTANCE_TYPES, name) ? INSTANCE_TYPES[name] : undefined;
}

/** Families in the table, for messages. */
export const KNOWN_FAMILIES: readonly string[] = Object.keys(FAMILIES).sort();

/**
 * The known type a misspelt one probably meant: only within a known family, so a real type we
 * lack (g5.xlarge) is not "corrected" into another family's (m5.xlarge).
 */
export function suggestInstanceType(name: string): string | undefined {
  const family = name.split(".")[0]!;
  if (!Object.prototype.hasOwnProperty.call(FAMILIES, family)) return undefined;
  return suggest(name, Object.keys(LIMITS).filter((t) => t.startsWith(`${family}.`)));
}
