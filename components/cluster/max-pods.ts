/**
 * Max pods per node, as the Amazon VPC CNI and EKS compute it (awslabs/amazon-eks-ami
 * max-pods-calculator.sh, EKS user guide "choosing an instance type"):
 *
 * - secondary IP mode: ENIs × (IPv4 per ENI − 1) + 2 — the first IP of each ENI is the ENI's own,
 *   and the +2 are the host-network pods (aws-node, kube-proxy);
 * - prefix delegation (Nitro only, else the CNI falls back to secondary IPs):
 *   ENIs × ((IPv4 per ENI − 1) × 16) + 2 — each slot holds a /28 prefix;
 * - custom networking: pods do not use the primary ENI, so one ENI fewer;
 * - `--max-eni N` limits the ENIs the CNI may attach;
 * - EKS recommends, and managed node groups enforce, at most 110 pods, or 250 above 30 vCPUs.
 */
import type { InstanceTypeInfo } from "./instance-types";

/** Pods per node EKS allows at or below 30 vCPUs, and above. */
export const MAX_PODS_CAP_LOW_CPU = 110;
export const MAX_PODS_CAP_HIGH_CPU = 250;
/** vCPU count above which the higher cap applies (the calculator's `-gt 30`). */
export const HIGH_CPU_THRESHOLD = 30;
/** IPv4 addresses in a /28 prefix. */
export const IPS_PER_PREFIX = 16;

export interface MaxPodsOptions {
  /** The VPC CNI assigns /28 prefixes (ENABLE_PREFIX_DELEGATION). @default false */
  readonly prefixDelegation?: boolean;
  /** Pods use ENIConfig subnets, not the primary ENI. @default false */
  readonly customNetworking?: boolean;
  /** At most this many ENIs. @default the instance type's limit */
  readonly maxEni?: number;
}

export interface MaxPodsResult {
  readonly instanceType: string;
  /** ENIs the formula used (after --max-eni and custom networking). */
  readonly enis: number;
  /** The instance type's ENI limit. */
  readonly enisAvailable: number;
  readonly ipv4PerEni: number;
  readonly vcpus: number;
  readonly mode: "secondary-ip" | "prefix-delegation";
  /** The formula with the numbers put in: `3 × (10 − 1) + 2`. */
  readonly arithmetic: string;
  /** The formula's value, before the EKS cap (eni-max-pods.txt's number in secondary IP mode). */
  readonly uncapped: number;
  readonly cap: number;
  /** min(uncapped, cap): what the node is configured with. */
  readonly maxPods: number;
  /** Why the numbers are what they are, one short sentence each. */
  readonly notes: readonly string[];
}

export function capFor(vcpus: number): number {
  return vcpus > HIGH_CPU_THRESHOLD ? MAX_PODS_CAP_HIGH_CPU : MAX_PODS_CAP_LOW_CPU;
}

export function computeMaxPods(info: InstanceTypeInfo, opts: MaxPodsOptions = {}): MaxPodsResult {
  const notes: string[] = [];
  let enis = info.enis;
  if (opts.maxEni !== undefined && opts.maxEni < enis) {
    enis = opts.maxEni;
    notes.push(`--max-eni ${opts.maxEni}: ${enis} of ${info.enis} ENIs used`);
  }
  if (opts.customNetworking) {
    enis = Math.max(enis - 1, 0);
    notes.push("custom networking: the primary ENI carries no pods, one ENI fewer");
  }
  const prefixDelegation = Boolean(opts.prefixDelegation) && info.nitro;
  if (opts.prefixDelegation && !info.nitro) {
    notes.push(`prefix delegation needs a Nitro instance; ${info.name} is not, so the CNI uses secondary IPs`);
  }
  const ips = info.ipv4PerEni;
  const uncapped = prefixDelegation ? enis * ((ips - 1) * IPS_PER_PREFIX) + 2 : enis * (ips - 1) + 2;
  const arithmetic = prefixDelegation ? `${enis} × ((${ips} − 1) × ${IPS_PER_PREFIX}) + 2` : `${enis} × (${ips} − 1) + 2`;
  const cap = capFor(info.vcpus);
  return {
    instanceType: info.name,
    enis,
    enisAvailable: info.enis,
    ipv4PerEni: ips,
    vcpus: info.vcpus,
    mode: prefixDelegation ? "prefix-delegation" : "secondary-ip",
    arithmetic,
    uncapped,
    cap,
    maxPods: Math.min(uncapped, cap),
    notes,
  };
}

/** The formula in words, for explanations. */
export function formulaText(mode: MaxPodsResult["mode"]): string {
  return mode === "prefix-delegation" ? "ENIs × ((IPv4 per ENI − 1) × 16) + 2" : "ENIs × (IPv4 per ENI − 1) + 2";
}
