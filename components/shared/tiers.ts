/**
 * The cost tiers of shared/DESIGN.md as numbers. Every log group and alarm stackplan creates
 * takes its retention or period from here, so one table decides them all.
 */
import type { MetricTier, RetentionTier } from "../../src/spec/common";
import { logGroupArn } from "./aws-names";

/** Days a log group of the tier keeps its events. */
export const RETENTION_DAYS: Readonly<Record<RetentionTier, number>> = { security: 365, application: 90, debug: 7 };

/** Alarm period (seconds) of the tier at standard resolution. */
export const METRIC_PERIOD_SECONDS: Readonly<Record<MetricTier, number>> = { critical: 60, important: 300, "nice-to-have": 900 };

/** Sub-minute periods CloudWatch accepts; they make an alarm high-resolution (and dearer). */
export const HIGH_RESOLUTION_PERIODS: readonly number[] = [10, 20, 30];

/** Period of a high-resolution alarm when the spec declares one without a period. */
export const DEFAULT_HIGH_RESOLUTION_PERIOD = 10;

/** Values CloudWatch Logs accepts for `retentionInDays` (0, never expire, is not offered). */
export const VALID_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** A log group with a physical name we choose, its tier and the tier's retention. */
export interface TieredLogGroup {
  /** Logical-name suffix. */
  readonly key: string;
  readonly name: string;
  readonly arn: string;
  readonly tier: RetentionTier;
  readonly retentionInDays: number;
}

export function planLogGroup(region: string, account: string, key: string, name: string, tier: RetentionTier): TieredLogGroup {
  return { key, name, arn: logGroupArn(region, account, name), tier, retentionInDays: RETENTION_DAYS[tier] };
}
