/** Building blocks shared by the parts of the environment spec. */
import { z } from "zod";

/** DNS-1123 label: what Kubernetes and AWS names accept everywhere. */
export const dnsLabel = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, "expected a DNS label (lowercase letters, digits and '-', at most 63)");

export const cidrBlock = z
  .string()
  .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d|[12]\d|3[0-2])$/, "expected an IPv4 CIDR block such as 10.0.0.0/16")
  .refine((s) => s.split("/")[0]!.split(".").every((o) => Number(o) <= 255), "expected an IPv4 CIDR block with octets 0-255");

export const azId = z.string().regex(/^[a-z]{2,5}\d-az\d+$/, "expected an AZ ID such as use1-az1 (not an AZ name like us-east-1a)");

export const tags = z.record(z.string(), z.string()).default({});

/** Kubernetes resource quantity: 250m, 0.5, 2, 512Mi, 1Gi, 1G. */
export const quantity = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^\d+(\.\d+)?(m|[KMGTPE]i|[kMGTPE])?$/, "expected a Kubernetes quantity such as 250m, 1, 512Mi or 2Gi"));

/** Retention tiers of CloudWatch log groups (shared/DESIGN.md). */
export const RETENTION_TIERS = ["security", "application", "debug"] as const;
export const retentionTier = z.enum(RETENTION_TIERS);
export type RetentionTier = z.infer<typeof retentionTier>;

/** Cost tiers of CloudWatch metrics and alarms (shared/DESIGN.md). */
export const METRIC_TIERS = ["critical", "important", "nice-to-have"] as const;
export const metricTier = z.enum(METRIC_TIERS);
export type MetricTier = z.infer<typeof metricTier>;

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  // Round-trip: Date.parse takes 2026-02-30 for March 2.
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, "expected a real calendar date");
