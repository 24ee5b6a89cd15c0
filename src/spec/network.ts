import { z } from "zod";
import { azId, cidrBlock } from "./common";

const tier = (prefixLength: number) =>
  z.strictObject({
    /** Prefix length of each subnet of the tier, one per AZ. */
    prefixLength: z.number().int().min(16).max(28).default(prefixLength),
  });

export const networkSpec = z.strictObject({
  /** The VPC's IPv4 range. @default "10.0.0.0/16" */
  vpcCidr: cidrBlock.default("10.0.0.0/16"),
  /** How many AZs to use when `azIds` is not given; the first N AZ IDs EKS accepts in the region. @default 3 */
  azCount: z.number().int().min(1).max(6).default(3),
  /** Explicit AZ IDs (`use1-az1`), in slot order: append new ones at the end so existing subnets keep their CIDRs. */
  azIds: z.array(azId).min(1).optional(),
  /**
   * Subnet slots reserved per tier. Each AZ takes the next slot; CIDRs are fixed per (tier, slot),
   * so adding an AZ never moves an existing subnet. The VPC range holds one block per tier, in the
   * order private → public → data, each `azSlots` subnets (rounded up to a power of two) and
   * aligned to its size (components/network/subnets.ts). Raising azSlots past a power of two
   * moves the public and data tiers. @default 4
   */
  azSlots: z.number().int().min(1).max(8).default(4),
  subnets: z
    .strictObject({
      /** Public subnets: load balancers and NAT gateways. @default /24 */
      public: tier(24).default({ prefixLength: 24 }),
      /** Private subnets: nodes and pods. @default /19 */
      private: tier(19).default({ prefixLength: 19 }),
      /** Isolated data subnets: databases, caches; no route to the internet. @default /24 */
      data: tier(24).default({ prefixLength: 24 }),
    })
    .default({ public: { prefixLength: 24 }, private: { prefixLength: 19 }, data: { prefixLength: 24 } }),
  /** NAT gateways: one per AZ (HA), one shared (cheap), or none (isolated). @default "perAz" */
  nat: z.enum(["perAz", "single", "none"]).default("perAz"),
  endpoints: z
    .strictObject({
      /** Gateway endpoints (free): `s3`, `dynamodb`. @default ["s3", "dynamodb"] */
      gateway: z.array(z.enum(["s3", "dynamodb"])).default(["s3", "dynamodb"]),
      /** Interface endpoints by service suffix: `ecr.api`, `ecr.dkr`, `sts`, `logs`, … @default [] */
      interface: z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, "expected a service suffix such as ecr.api")).default([]),
    })
    .default({ gateway: ["s3", "dynamodb"], interface: [] }),
  flowLogs: z
    .strictObject({
      /** @default true */
      enabled: z.boolean().default(true),
      /** @default "ALL" */
      trafficType: z.enum(["ALL", "ACCEPT", "REJECT"]).default("ALL"),
      /** Expected GiB per day, for `stackplan cost`. @default 1 */
      dailyIngestGiB: z.number().min(0).default(1),
    })
    .default({ enabled: true, trafficType: "ALL", dailyIngestGiB: 1 }),
});

export type NetworkSpec = z.output<typeof networkSpec>;
