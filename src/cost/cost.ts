/**
 * The monthly CloudWatch cost of one env's plan, from list prices (prices.json):
 * - metric alarms: one alarm metric each (a metric-math alarm: one per metric it reads; an
 *   anomaly-detection alarm: three), at the high-resolution rate when its period is under 60 s;
 * - composite alarms: a flat rate each;
 * - custom metrics: one per log metric filter, priced across the tiered bands;
 * - logs: ingestion = daily GiB × 365/12 at the group's class rate; storage at steady state =
 *   daily GiB × retention days (nothing is compressed or expires sooner; an upper bound).
 * Daily volumes come from the log group's `stackplan:daily-ingest-gib` tag, else from the
 * `volumes` argument (the spec's `dailyIngestGiB`, by log group name), else 0 with a caveat.
 */
import { AWS, TAG } from "../../policies/lib/aws";
import { isObject } from "../../policies/lib/values";
import type { Plan, PlanResource } from "../plan/types";
import { compareStrings } from "../util/stable-json";
import { customMetricsMonthly, PRICES, type Prices } from "./prices";
import { CATEGORIES, type CostCategory, type CostLine, type CostReport } from "./types";

export const DAYS_PER_MONTH = 365 / 12;
const ANOMALY_OPERATORS = ["LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold"];

export interface CostOptions {
  /** Declared GiB/day per log group name, for groups without the tag (e.g. from the env's spec). */
  readonly volumes?: ReadonlyMap<string, number>;
  readonly prices?: Prices;
}

const key = (r: PlanResource) => `${r.type}::${r.name}`;
const money = (n: number) => `$${n.toFixed(2)}`;

export function costOf(plan: Plan, opts: CostOptions = {}): CostReport {
  const p = opts.prices ?? PRICES;
  const lines: CostLine[] = [];
  const caveats = new Set<string>();
  for (const r of plan.resources) {
    if (r.type === AWS.metricAlarm) lines.push(alarmLine(r, p));
    if (r.type === AWS.compositeAlarm) lines.push({ category: "composite-alarms", resource: key(r), detail: `composite alarm at ${money(p.alarm.compositePerAlarmMonth.usd)}`, monthly: p.alarm.compositePerAlarmMonth.usd });
    if (r.type === AWS.logGroup) lines.push(...logLines(r, p, opts.volumes, caveats));
  }
  const filters = plan.resources.filter((r) => r.type === AWS.logMetricFilter);
  if (filters.length > 0) {
    const total = customMetricsMonthly(filters.length, p);
    for (const f of filters) lines.push({ category: "custom-metrics", resource: key(f), detail: `1 custom metric (${filters.length} in the env, tiered bands)`, monthly: total / filters.length });
    caveats.add("custom metrics: one metric per filter; dimensions with many values publish more metrics");
  }
  if (lines.some((l) => l.category === "composite-alarms")) caveats.add(`composite alarms: ${p.alarm.compositePerAlarmMonth.source}`);
  lines.sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || compareStrings(a.resource, b.resource));
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, lines.filter((l) => l.category === c).reduce((s, l) => s + l.monthly, 0)])) as Record<CostCategory, number>;
  return {
    env: plan.env.name,
    region: p.region,
    currency: p.currency,
    pricesAsOf: p.asOf,
    lines,
    byCategory,
    total: lines.reduce((s, l) => s + l.monthly, 0),
    caveats: [...caveats, "list prices without the per-account free tier"].sort(compareStrings),
  };
}

function alarmLine(r: PlanResource, p: Prices): CostLine {
  const period = typeof r.inputs["period"] === "number" ? r.inputs["period"] : undefined;
  const queries = Array.isArray(r.inputs["metricQueries"]) ? r.inputs["metricQueries"].filter(isObject) : [];
  const queryPeriods = queries.map((q) => (isObject(q["metric"]) ? Number(q["metric"]["period"]) : NaN)).filter((n) => !Number.isNaN(n));
  const highRes = (period !== undefined && period < 60) || queryPeriods.some((n) => n < 60);
  const anomaly = ANOMALY_OPERATORS.includes(String(r.inputs["comparisonOperator"])) || r.inputs["thresholdMetricId"] !== undefined;
  const metrics = anomaly ? p.alarm.anomalyDetectionMetrics.count : Math.max(1, queries.filter((q) => isObject(q["metric"])).length);
  const rate = highRes ? p.alarm.highResolutionPerMetricMonth.usd : p.alarm.standardPerMetricMonth.usd;
  const what = `${metrics} ${highRes ? "high-resolution" : "standard"} alarm metric(s)${anomaly ? " (anomaly detection)" : ""} × ${money(rate)}`;
  return { category: "alarms", resource: key(r), detail: what, monthly: metrics * rate };
}

function logLines(r: PlanResource, p: Prices, volumes: ReadonlyMap<string, number> | undefined, caveats: Set<string>): CostLine[] {
  const name = typeof r.inputs["name"] === "string" ? r.inputs["name"] : r.name;
  const tags = isObject(r.inputs["tags"]) ? r.inputs["tags"] : {};
  const tagged = Number(tags[TAG.dailyIngest]);
  let daily = Number.isFinite(tagged) && tags[TAG.dailyIngest] !== undefined ? tagged : volumes?.get(name);
  if (daily === undefined) {
    caveats.add(`no declared daily volume for log group ${name}: priced at 0`);
    daily = 0;
  }
  const ia = r.inputs["logGroupClass"] === "INFREQUENT_ACCESS";
  const ingestRate = ia ? p.logs.ingestionInfrequentAccessPerGB.usd : p.logs.ingestionStandardPerGB.usd;
  const days = typeof r.inputs["retentionInDays"] === "number" && r.inputs["retentionInDays"] > 0 ? r.inputs["retentionInDays"] : undefined;
  if (days === undefined) caveats.add(`log group ${name} never expires: storage grows without bound (priced at one year)`);
  const kept = days ?? 365;
  return [
    { category: "log-ingestion", resource: key(r), detail: `${daily} GiB/day × ${DAYS_PER_MONTH.toFixed(2)} days × ${money(ingestRate)}${ia ? " (Infrequent Access)" : ""}`, monthly: daily * DAYS_PER_MONTH * ingestRate },
    { category: "log-storage", resource: key(r), detail: `${daily} GiB/day × ${kept} days kept × ${money(p.logs.storagePerGBMonth.usd)}/GB-month`, monthly: daily * kept * p.logs.storagePerGBMonth.usd },
  ];
}
