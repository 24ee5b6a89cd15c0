/** The periods a metric alarm evaluates: its own `period`, or each metric query's `metric.period`. */
import type { RuleResource } from "./rule";
import { isObject, optArray, optNumber, Unevaluable } from "./values";

export interface AlarmPeriod {
  readonly period: number;
  readonly path: string;
  /** Metric-query periods may also be 1 or 5 s (high-resolution metrics). */
  readonly query: boolean;
}

export function alarmPeriods(r: RuleResource): AlarmPeriod[] {
  const top = optNumber(r.props, "period");
  if (top !== undefined) return [{ period: top, path: "period", query: false }];
  const queries = optArray(r.props, "metricQueries") ?? [];
  const out: AlarmPeriod[] = [];
  queries.forEach((q, i) => {
    if (!isObject(q) || !isObject(q["metric"])) return; // expressions have no period of their own
    const path = `metricQueries[${i}].metric.period`;
    const p = optNumber(q, "metric.period", path);
    if (p === undefined) throw new Unevaluable(path, "the value is missing");
    out.push({ period: p, path, query: true });
  });
  if (out.length === 0) throw new Unevaluable("period", "the alarm has neither a period nor metric queries with one");
  return out;
}

export function isHighResolution(period: number): boolean {
  return period < 60;
}
