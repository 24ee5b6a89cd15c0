import { z } from "zod";
import { metricTier, retentionTier } from "./common";

export const logGroupSpec = z.strictObject({
  /** Log group name, e.g. `/shop/{{env.name}}/app`. */
  name: z.string().regex(/^[A-Za-z0-9_\-/.#]{1,512}$/, "expected a log group name (letters, digits, _ - / . #)"),
  /** Retention tier: security 365 days, application 90, debug 7. */
  tier: retentionTier,
  /** Expected GiB ingested per day, for `stackplan cost`. @default 0 */
  dailyIngestGiB: z.number().min(0).default(0),
  /** @default "STANDARD" */
  class: z.enum(["STANDARD", "INFREQUENT_ACCESS"]).default("STANDARD"),
});

export const COMPARISONS = [
  "GreaterThanOrEqualToThreshold",
  "GreaterThanThreshold",
  "LessThanThreshold",
  "LessThanOrEqualToThreshold",
] as const;

export const alarmSpec = z
  .strictObject({
    description: z.string().optional(),
    /** Cost tier: critical 60 s, important 300 s, nice-to-have 900 s. */
    tier: metricTier,
    namespace: z.string().min(1),
    metric: z.string().min(1),
    /** @default "Average" unless extendedStatistic is given */
    statistic: z.enum(["SampleCount", "Average", "Sum", "Minimum", "Maximum"]).optional(),
    /** Percentile such as p99. */
    extendedStatistic: z.string().regex(/^p\d{1,2}(\.\d+)?$|^p100$/, "expected a percentile such as p99").optional(),
    /** @default {} */
    dimensions: z.record(z.string(), z.string()).default({}),
    threshold: z.number(),
    comparison: z.enum(COMPARISONS),
    /** @default 3 */
    evaluationPeriods: z.number().int().min(1).default(3),
    datapointsToAlarm: z.number().int().min(1).optional(),
    /** Period in seconds; derived from the tier unless set (and then checked by policy). */
    period: z.number().int().min(1).optional(),
    /** Sub-minute periods (10/20/30 s); only critical alarms may use them. @default false */
    highResolution: z.boolean().default(false),
    /** @default "missing" */
    treatMissingData: z.enum(["missing", "ignore", "breaching", "notBreaching"]).default("missing"),
  })
  .refine((a) => !(a.statistic && a.extendedStatistic), { message: "give statistic or extendedStatistic, not both", path: ["extendedStatistic"] });

export const compositeAlarmSpec = z.strictObject({
  description: z.string().optional(),
  tier: metricTier,
  /** Alarm rule over the alarm keys of this spec: `ALARM(api-5xx) OR ALARM(web-latency)`. */
  rule: z.string().min(1).max(10240),
});

export const customMetricSpec = z.strictObject({
  /** Log group key (under observability.logGroups) the metric is extracted from. */
  logGroup: z.string(),
  /** CloudWatch Logs filter pattern. */
  pattern: z.string(),
  namespace: z.string().min(1),
  metric: z.string().min(1),
  tier: metricTier,
  /** Published at 1-second resolution; critical tier only. @default false */
  highResolution: z.boolean().default(false),
  /** @default "1" */
  value: z.string().default("1"),
});

export const observabilitySpec = z
  .strictObject({
    notifications: z
      .strictObject({
        /** E-mail addresses subscribed to the alarm topic. @default [] */
        emails: z.array(z.string().email("expected an e-mail address")).default([]),
      })
      .default({ emails: [] }),
    /** Log groups by key. @default {} */
    logGroups: z.record(z.string(), logGroupSpec).default({}),
    /** Metric alarms by key (the key is the alarm name suffix). @default {} */
    alarms: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected an alarm key (lowercase, digits, -)"), alarmSpec).default({}),
    /** Composite alarms by key. @default {} */
    compositeAlarms: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected an alarm key (lowercase, digits, -)"), compositeAlarmSpec).default({}),
    /** Custom metrics extracted from logs, by key. @default {} */
    customMetrics: z.record(z.string(), customMetricSpec).default({}),
  })
  .default({ notifications: { emails: [] }, logGroups: {}, alarms: {}, compositeAlarms: {}, customMetrics: {} });

export type ObservabilitySpec = z.output<typeof observabilitySpec>;
export type AlarmSpec = z.output<typeof alarmSpec>;
export type LogGroupSpec = z.output<typeof logGroupSpec>;
