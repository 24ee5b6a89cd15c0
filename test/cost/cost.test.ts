import { describe, expect, it } from "vitest";
import { costDelta, costDeltaMarkdown, costOf, customMetricsMonthly, DAYS_PER_MONTH, PRICES } from "../../src/cost/index";
import { platformPlan } from "../policies/fixtures/platform";

describe("CloudWatch cost", () => {
  it("prices custom metrics across the tiered bands", () => {
    expect(customMetricsMonthly(10)).toBeCloseTo(3.0);
    expect(customMetricsMonthly(10_001)).toBeCloseTo(3000 + 0.1);
    expect(customMetricsMonthly(1_000_001)).toBeCloseTo(3000 + 24_000 + 37_500 + 0.02);
  });

  it("prices alarms by resolution, composites, metric filters and logs from declared volumes", () => {
    const plan = platformPlan().build();
    const volumes = new Map([["/shop/prod/application", 20], ["/shop/prod/debug", 5]]);
    const r = costOf(plan, { volumes });
    expect(r.byCategory.alarms).toBeCloseTo(3 * 0.1 + 0.3);
    expect(r.byCategory["composite-alarms"]).toBeCloseTo(0.5);
    expect(r.byCategory["custom-metrics"]).toBeCloseTo(0.6);
    expect(r.byCategory["log-ingestion"]).toBeCloseTo(25 * DAYS_PER_MONTH * 0.5);
    expect(r.byCategory["log-storage"]).toBeCloseTo(20 * 90 * 0.03 + 5 * 7 * 0.03);
    expect(r.caveats.join("\n")).toContain("no declared daily volume for log group /shop/prod/audit");
    expect(r.pricesAsOf).toBe(PRICES.asOf);
  });

  it("prefers the stackplan:daily-ingest-gib tag on the log group", () => {
    const b = platformPlan();
    (b.get("observability-debug").inputs["tags"] as Record<string, string>)["stackplan:daily-ingest-gib"] = "2";
    const line = costOf(b.build()).lines.find((l) => l.category === "log-storage" && l.resource.endsWith("::observability-debug"))!;
    expect(line.monthly).toBeCloseTo(2 * 7 * 0.03);
  });

  it("costDelta: diff(a, a) is zero; a high-resolution alarm and longer retention show up", () => {
    const a = platformPlan().build();
    expect(costDelta(a, a)).toMatchObject({ total: 0, changes: [] });
    const b = platformPlan();
    b.get("observability-pod-restarts").inputs["period"] = 30;
    b.get("observability-debug").inputs["retentionInDays"] = 90;
    const volumes = new Map([["/shop/prod/debug", 5]]);
    const d = costDelta(a, b.build(), { a: { volumes }, b: { volumes } });
    expect(d.total).toBeCloseTo(0.2 + 5 * (90 - 7) * 0.03);
    expect(d.changes.map((c) => `${c.resource} ${c.category}`)).toEqual([
      "aws:cloudwatch/logGroup:LogGroup::observability-debug log-storage",
      "aws:cloudwatch/metricAlarm:MetricAlarm::observability-pod-restarts alarms",
    ]);
    expect(costDeltaMarkdown(d)).toContain("#### CloudWatch cost: +$12.65/month");
  });
});
