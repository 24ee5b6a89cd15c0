/**
 * The subnet allocator: a pure function from the VPC range, the tiers' sizes and the AZ IDs to
 * one CIDR per (tier, AZ).
 *
 * Stable layout: the VPC range is cut into one block per tier, in the fixed order
 * private → public → data, each block aligned to its own size and holding `azSlots` subnets of
 * the tier's prefix length (rounded up to a power of two). The AZ at position i of the AZ list
 * takes slot i in every tier. A subnet's CIDR therefore depends only on the VPC range,
 * `azSlots`, its slot and the sizes of its tier and the tiers before it — never on how many AZs
 * there are: adding an AZ adds subnets and moves none.
 */
import { Problems, type Locate } from "../shared/problems";
import { alignUp, blockSize, cidrEnd, contains, formatCidr, parseCidr, type Cidr } from "./cidr";

/** Subnet tiers in layout order: the order is part of the addressing scheme, do not reorder. */
export const SUBNET_TIERS = ["private", "public", "data"] as const;
export type SubnetTier = (typeof SUBNET_TIERS)[number];

export interface SubnetLayoutInput {
  readonly vpcCidr: string;
  /** Subnets reserved per tier; AZ i of the list takes slot i. */
  readonly azSlots: number;
  readonly prefixLength: Readonly<Record<SubnetTier, number>>;
}

export interface TierBlock {
  readonly tier: SubnetTier;
  /** The block reserved for the tier's slots. */
  readonly cidr: string;
  readonly prefixLength: number;
  readonly slots: number;
}

export interface PlannedSubnet {
  readonly tier: SubnetTier;
  readonly azId: string;
  readonly slot: number;
  readonly cidr: string;
}

/** Smallest VPC prefix AWS accepts (/16) and largest (/28). */
export const VPC_PREFIX_RANGE = [16, 28] as const;

/** The tier blocks of a layout; throws an InputError naming every problem. */
export function layoutTiers(input: SubnetLayoutInput, locate?: Locate): TierBlock[] {
  const problems = new Problems(locate);
  const vpc = parseCidr(input.vpcCidr);
  if (formatCidr(vpc) !== input.vpcCidr) {
    problems.add(["network", "vpcCidr"], `${input.vpcCidr} has host bits set; expected the network address ${formatCidr(vpc)}`);
  }
  if (vpc.prefix < VPC_PREFIX_RANGE[0] || vpc.prefix > VPC_PREFIX_RANGE[1]) {
    problems.add(["network", "vpcCidr"], `a VPC range must be /${VPC_PREFIX_RANGE[0]} to /${VPC_PREFIX_RANGE[1]}, got /${vpc.prefix}`);
  }
  problems.throwIfAny("network");

  const slotBits = Math.ceil(Math.log2(input.azSlots));
  const blocks: TierBlock[] = [];
  let cursor = vpc.base;
  for (const tier of SUBNET_TIERS) {
    const prefixLength = input.prefixLength[tier];
    const path = ["network", "subnets", tier, "prefixLength"];
    if (prefixLength < vpc.prefix) {
      problems.add(path, `a /${prefixLength} subnet does not fit in the VPC range ${input.vpcCidr}`);
      continue;
    }
    const block: Cidr = { base: alignUp(cursor, blockSize(prefixLength - slotBits)), prefix: prefixLength - slotBits };
    if (block.prefix < vpc.prefix || !contains(vpc, block)) {
      const need = SUBNET_TIERS.map((t) => `${t} ${input.azSlots} × /${input.prefixLength[t]}`).join(", ");
      problems.add(path, `the ${tier} tier does not fit in ${input.vpcCidr} (${need}); use smaller subnets, fewer azSlots or a larger VPC`);
      continue;
    }
    blocks.push({ tier, cidr: formatCidr(block), prefixLength, slots: input.azSlots });
    cursor = cidrEnd(block);
  }
  problems.throwIfAny("network");
  return blocks;
}

/** One subnet per tier and AZ, in tier order then AZ order. */
export function allocateSubnets(input: SubnetLayoutInput, azIds: readonly string[], locate?: Locate): PlannedSubnet[] {
  if (azIds.length > input.azSlots) {
    const problems = new Problems(locate);
    problems.add(
      ["network", "azSlots"],
      `${azIds.length} AZs need ${azIds.length} subnet slots per tier, only ${input.azSlots} reserved; raising azSlots moves the public and data subnets, so plan it`,
    );
    problems.throwIfAny("network");
  }
  const out: PlannedSubnet[] = [];
  for (const block of layoutTiers(input, locate)) {
    const base = parseCidr(block.cidr).base;
    azIds.forEach((azId, slot) => {
      out.push({ tier: block.tier, azId, slot, cidr: formatCidr({ base: base + slot * blockSize(block.prefixLength), prefix: block.prefixLength }) });
    });
  }
  return out;
}
