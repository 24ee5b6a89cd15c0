import { z } from "zod";
import { cidrBlock } from "./common";

export const CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

/** Add-ons stackplan knows how to wire (IRSA roles, config); others pass through as plain add-ons. */
export const KNOWN_ADDONS = ["vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver", "amazon-cloudwatch-observability"] as const;

export const addonSpec = z.strictObject({
  /** Add-on version as EKS names it, e.g. `v1.19.2-eksbuild.1`. */
  version: z.string().regex(/^v?\d+\.\d+\.\d+(-[A-Za-z0-9.]+)?$/, "expected an add-on version such as v1.19.2-eksbuild.1"),
  /** JSON configuration values passed to the add-on. @default {} */
  configuration: z.record(z.string(), z.unknown()).default({}),
});

export const clusterSpec = z.strictObject({
  /** EKS cluster name (1–100 chars, letters, digits, - and _). */
  name: z.string().regex(/^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/, "expected an EKS cluster name (letters, digits, - and _)"),
  /** Kubernetes minor version, quoted: "1.33". */
  version: z.string().regex(/^1\.\d{2}$/, 'expected a Kubernetes minor version such as "1.33" (quote it)'),
  endpoint: z
    .strictObject({
      /** @default true */
      privateAccess: z.boolean().default(true),
      /** @default false */
      publicAccess: z.boolean().default(false),
      /** CIDRs allowed to reach a public endpoint; required when publicAccess is on. @default [] */
      publicAccessCidrs: z.array(cidrBlock).default([]),
    })
    .default({ privateAccess: true, publicAccess: false, publicAccessCidrs: [] })
    .refine((e) => !e.publicAccess || e.publicAccessCidrs.length > 0, {
      message: "publicAccess needs publicAccessCidrs: list the CIDRs allowed to reach the endpoint",
      path: ["publicAccessCidrs"],
    }),
  /** Control-plane log types sent to /aws/eks/<name>/cluster. @default ["api", "audit", "authenticator"] */
  logTypes: z.array(z.enum(CONTROL_PLANE_LOG_TYPES)).default(["api", "audit", "authenticator"]),
  secretsEncryption: z
    .strictObject({
      /** Envelope-encrypt Kubernetes secrets with a dedicated KMS key. @default true */
      enabled: z.boolean().default(true),
      /** @default 30 */
      keyDeletionWindowDays: z.number().int().min(7).max(30).default(30),
    })
    .default({ enabled: true, keyDeletionWindowDays: 30 }),
  /** @default "API" */
  authenticationMode: z.enum(["API", "API_AND_CONFIG_MAP"]).default("API"),
  /**
   * Add-ons by EKS add-on name. vpc-cni, kube-proxy and coredns are required (the cluster is
   * created without self-managed add-ons); aws-ebs-csi-driver and amazon-cloudwatch-observability
   * get IRSA roles; others are installed as they are, after the node groups.
   */
  addons: z.record(z.string().regex(/^[a-z0-9-]+$/, "expected an EKS add-on name"), addonSpec).default({}),
  vpcCni: z
    .strictObject({
      /** Assign /28 prefixes to ENIs (Nitro only): many more pods per node. @default false */
      prefixDelegation: z.boolean().default(false),
      /** Pods in separate subnets (ENIConfig): one ENI fewer for pods. @default false */
      customNetworking: z.boolean().default(false),
    })
    .default({ prefixDelegation: false, customNetworking: false }),
});

export type ClusterSpec = z.output<typeof clusterSpec>;
