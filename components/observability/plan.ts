/**
 * The observability planner: log groups with their tier's retention, alarms with their tier's
 * period, composite alarms with rules over alarm names, custom metrics as log metric filters,
 * and the alarm topic. Pure data; names are deterministic and start with the cluster name.
 */
import type { MetricTier } from "../../src/spec/common";
import type { AlarmSpec, ObservabilitySpec } from "../../src/spec/observability";
import { snsTopicArn } from "../shared/aws-names";
import { Problems, type Locate } from "../shared/problems";
import { DEFAULT_HIGH_RESOLUTION_PERIOD, METRIC_PERIOD_SECONDS, planLogGroup, type TieredLogGroup } from "../shared/tiers";

export interface ObservabilityPlanInput {
  readonly observability: ObservabilitySpec;
  /** Prefix of every physical name: the cluster name (`shop-prod`). */
  readonly prefix: string;
  readonly region: string;
  readonly account: string;
}

export interface LogGroupPlan extends TieredLogGroup {
  readonly logGroupClass: "STANDARD" | "INFREQUENT_ACCESS";
}

export interface AlarmPlan {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly tier: MetricTier;
  readonly period: number;
  readonly highResolution: boolean;
  readonly namespace: string;
  readonly metric: string;
  readonly statistic?: string;
  readonly extendedStatistic?: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly threshold: number;
  readonly comparison: string;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm?: number;
  readonly treatMissingData: string;
}

export interface CompositeAlarmPlan {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly tier: MetricTier;
  /** The rule with alarm keys replaced by quoted alarm names. */
  readonly rule: string;
  /** Keys of the alarms the rule refers to. */
  readonly alarmKeys: readonly string[];
}

/** One custom metric: what the policy engineer's catalogue lists. */
export interface MetricCatalogueEntry {
  readonly key: string;
  readonly namespace: string;
  readonly metric: string;
  readonly tier: MetricTier;
  readonly highResolution: boolean;
  /** `<prefix>/<tier>/<key>`: metric filters take no tags, so the tier lives in the name. */
  readonly filterName: string;
  /** Name of the log group the metric is extracted from. */
  readonly logGroup: string;
}

export interface MetricFilterPlan extends MetricCatalogueEntry {
  readonly logGroupKey: string;
  readonly pattern: string;
  readonly value: string;
}

export interface ObservabilityPlan {
  readonly prefix: string;
  readonly logGroups: readonly LogGroupPlan[];
  readonly topic: { readonly name: string; readonly arn: string; readonly kmsAliasName: string };
  readonly emails: readonly string[];
  readonly alarms: readonly AlarmPlan[];
  readonly compositeAlarms: readonly CompositeAlarmPlan[];
  readonly metricFilters: readonly MetricFilterPlan[];
}

const RULE_REFERENCE = /\b(ALARM|OK|INSUFFICIENT_DATA)\(\s*"?([^")\s]+)"?\s*\)/g;

/** The period of an alarm: its tier's, or a declared sub-minute one for critical alarms. */
export function alarmPeriod(a: Pick<AlarmSpec, "tier" | "period" | "highResolution">): number {
  if (a.period !== undefined) return a.period;
  return a.highResolution && a.tier === "critical" ? DEFAULT_HIGH_RESOLUTION_PERIOD : METRIC_PERIOD_SECONDS[a.tier];
}

export function planObservability(input: ObservabilityPlanInput, locate?: Locate): ObservabilityPlan {
  const { observability: spec, prefix, region, account } = input;
  const problems = new Problems(locate);
  const at = (...path: (string | number)[]) => ["observability", ...path];
  const sorted = <T>(rec: Readonly<Record<string, T>>) => Object.entries(rec).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  const logGroups: LogGroupPlan[] = sorted(spec.logGroups).map(([key, lg]) => ({
    ...planLogGroup(region, account, key, lg.name, lg.tier),
    logGroupClass: lg.class,
  }));
  const seenNames = new Map<string, string>();
  for (const lg of logGroups) {
    const other = seenNames.get(lg.name);
    if (other) problems.add(at("logGroups", lg.key, "name"), `log group name ${JSON.stringify(lg.name)} is also used by logGroups.${other}`);
    seenNames.set(lg.name, lg.key);
  }

  const alarmName = (key: string) => `${prefix}-${key}`;
  const alarms: AlarmPlan[] = sorted(spec.alarms).map(([key, a]) => {
    if (a.highResolution && a.tier !== "critical") {
      problems.add(at("alarms", key, "highResolution"), `only critical alarms may be high-resolution (10/20/30 s); this one is ${a.tier}`);
    }
    const period = alarmPeriod(a);
    return {
      key,
      name: alarmName(key),
      ...(a.description !== undefined ? { description: a.description } : {}),
      tier: a.tier,
      period,
      highResolution: period < 60,
      namespace: a.namespace,
      metric: a.metric,
      ...(a.extendedStatistic !== undefined ? { extendedStatistic: a.extendedStatistic } : { statistic: a.statistic ?? "Average" }),
      dimensions: a.dimensions,
      threshold: a.threshold,
      comparison: a.comparison,
      evaluationPeriods: a.evaluationPeriods,
      ...(a.datapointsToAlarm !== undefined ? { datapointsToAlarm: a.datapointsToAlarm } : {}),
      treatMissingData: a.treatMissingData,
    };
  });

  const compositeAlarms: CompositeAlarmPlan[] = sorted(spec.compositeAlarms).map(([key, c]) => {
    if (spec.alarms[key]) problems.add(at("compositeAlarms", key), `the alarm name ${JSON.stringify(alarmName(key))} is also used by alarms.${key}; rename one`);
    const alarmKeys: string[] = [];
    const rule = c.rule.replace(RULE_REFERENCE, (whole, fn: string, ref: string) => {
      if (!spec.alarms[ref]) {
        problems.add(at("compositeAlarms", key, "rule"), `unknown alarm ${JSON.stringify(ref)} in the rule; alarms: ${Object.keys(spec.alarms).join(", ") || "(none)"}`);
        return whole;
      }
      if (!alarmKeys.includes(ref)) alarmKeys.push(ref);
      return `${fn}("${alarmName(ref)}")`;
    });
    return { key, name: alarmName(key), ...(c.description !== undefined ? { description: c.description } : {}), tier: c.tier, rule, alarmKeys };
  });

  const metricFilters: MetricFilterPlan[] = sorted(spec.customMetrics).map(([key, m]) => {
    if (m.highResolution && m.tier !== "critical") {
      problems.add(at("customMetrics", key, "highResolution"), `only critical metrics may be high-resolution; this one is ${m.tier}`);
    }
    const lg = spec.logGroups[m.logGroup];
    if (!lg) problems.add(at("customMetrics", key, "logGroup"), `unknown log group ${JSON.stringify(m.logGroup)}; log groups: ${Object.keys(spec.logGroups).join(", ") || "(none)"}`);
    return {
      key,
      namespace: m.namespace,
      metric: m.metric,
      tier: m.tier,
      highResolution: m.highResolution,
      filterName: `${prefix}/${m.tier}/${key}`,
      logGroup: lg?.name ?? "",
      logGroupKey: m.logGroup,
      pattern: m.pattern,
      value: m.value,
    };
  });

  problems.throwIfAny("observability");
  const topicName = `${prefix}-alarms`;
  return {
    prefix,
    logGroups,
    topic: { name: topicName, arn: snsTopicArn(region, account, topicName), kmsAliasName: `alias/${prefix}-alarms` },
    emails: [...new Set(spec.notifications.emails)],
    alarms,
    compositeAlarms,
    metricFilters,
  };
}

/** The custom-metric catalogue (namespace, metric, tier) published in the component's outputs. */
export function metricCatalogue(plan: ObservabilityPlan): MetricCatalogueEntry[] {
  return plan.metricFilters.map(({ key, namespace, metric, tier, highResolution, filterName, logGroup }) => ({
    key,
    namespace,
    metric,
    tier,
    highResolution,
    filterName,
    logGroup,
  }));
}
