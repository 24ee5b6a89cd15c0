import { describe, expect, it } from "vitest";
import { alarmPeriod, metricCatalogue, planObservability } from "../../../components/observability/plan";
import { observabilitySpec } from "../../../src/spec/observability";
import { inputErrorOf } from "../../helpers";

const alarm = (tier: string, extra: Record<string, unknown> = {}) => ({
  tier,
  namespace: "Shop",
  metric: "Errors",
  threshold: 1,
  comparison: "GreaterThanThreshold",
  ...extra,
});

const spec = (extra: Record<string, unknown> = {}) =>
  observabilitySpec.parse({
    notifications: { emails: ["oncall@example.com", "oncall@example.com"] },
    logGroups: {
      app: { name: "/shop/prod/app", tier: "application" },
      audit: { name: "/shop/prod/audit", tier: "security" },
      debug: { name: "/shop/prod/debug", tier: "debug", class: "INFREQUENT_ACCESS" },
    },
    alarms: { "api-5xx": alarm("critical"), latency: alarm("important"), disk: alarm("nice-to-have"), fast: alarm("critical", { highResolution: true }) },
    compositeAlarms: { down: { tier: "critical", rule: 'ALARM(api-5xx) OR (ALARM("latency") AND NOT OK(api-5xx))' } },
    customMetrics: { errors: { logGroup: "app", pattern: "ERROR", namespace: "Shop/App", metric: "Errors", tier: "critical" } },
    ...extra,
  });
const plan = (extra: Record<string, unknown> = {}) => planObservability({ observability: spec(extra), prefix: "shop-prod", region: "us-east-1", account: "333333333333" });

const problemsOf = (fn: () => unknown) => inputErrorOf(fn).problems;

describe("observability planner", () => {
  it("gives each log group its tier's retention", () => {
    expect(plan().logGroups.map((l) => `${l.name} ${l.tier} ${l.retentionInDays} ${l.logGroupClass}`)).toEqual([
      "/shop/prod/app application 90 STANDARD",
      "/shop/prod/audit security 365 STANDARD",
      "/shop/prod/debug debug 7 INFREQUENT_ACCESS",
    ]);
  });

  it("gives each alarm its tier's period; high resolution only when declared and critical", () => {
    expect(plan().alarms.map((a) => `${a.name} ${a.tier} ${a.period} ${a.highResolution}`)).toEqual([
      "shop-prod-api-5xx critical 60 false",
      "shop-prod-disk nice-to-have 900 false",
      "shop-prod-fast critical 10 true",
      "shop-prod-latency important 300 false",
    ]);
    expect(alarmPeriod({ tier: "critical", highResolution: true, period: 30 })).toBe(30);
    expect(alarmPeriod({ tier: "important", highResolution: false, period: 120 })).toBe(120);
  });

  it("marks an explicit sub-minute period as high resolution, for policy to judge", () => {
    const p = plan({ alarms: { odd: alarm("important", { period: 30 }) }, compositeAlarms: {} });
    expect(p.alarms[0]).toMatchObject({ period: 30, highResolution: true });
  });

  it("refuses high resolution on a non-critical alarm or metric", () => {
    const problems = problemsOf(() =>
      plan({
        alarms: { slow: alarm("important", { highResolution: true }) },
        compositeAlarms: {},
        customMetrics: { m: { logGroup: "app", pattern: "x", namespace: "N", metric: "M", tier: "nice-to-have", highResolution: true } },
      }),
    );
    expect(problems).toEqual([
      { path: "observability.alarms.slow.highResolution", message: "only critical alarms may be high-resolution (10/20/30 s); this one is important" },
      { path: "observability.customMetrics.m.highResolution", message: "only critical metrics may be high-resolution; this one is nice-to-have" },
    ]);
  });

  it("translates composite rules from alarm keys to alarm names", () => {
    expect(plan().compositeAlarms[0]).toMatchObject({
      name: "shop-prod-down",
      rule: 'ALARM("shop-prod-api-5xx") OR (ALARM("shop-prod-latency") AND NOT OK("shop-prod-api-5xx"))',
      alarmKeys: ["api-5xx", "latency"],
    });
  });

  it("refuses a composite alarm named like a metric alarm", () => {
    expect(problemsOf(() => plan({ compositeAlarms: { "api-5xx": { tier: "critical", rule: "ALARM(latency)" } } }))[0]!.path).toBe(
      "observability.compositeAlarms.api-5xx",
    );
  });

  it("puts the tier in the metric filter name and lists the catalogue", () => {
    const p = plan();
    expect(p.metricFilters[0]).toMatchObject({ filterName: "shop-prod/critical/errors", logGroup: "/shop/prod/app", pattern: "ERROR", value: "1" });
    expect(metricCatalogue(p)).toEqual([
      { key: "errors", namespace: "Shop/App", metric: "Errors", tier: "critical", highResolution: false, filterName: "shop-prod/critical/errors", logGroup: "/shop/prod/app" },
    ]);
  });

  it("names the KMS-encrypted alarm topic and de-duplicates subscribers", () => {
    const p = plan();
    expect(p.topic).toEqual({ name: "shop-prod-alarms", arn: "arn:aws:sns:us-east-1:333333333333:shop-prod-alarms", kmsAliasName: "alias/shop-prod-alarms" });
    expect(p.emails).toEqual(["oncall@example.com"]);
  });
});
