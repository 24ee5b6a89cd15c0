/**
 * Enforcement, overrides, waivers and the `check` command: exit codes, formats, --output,
 * --today, and golden reports (rewrite with UPDATE_GOLDEN=1).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";
import { checkPlan } from "../../src/check/evaluate";
import { renderReport, FORMATS } from "../../src/check/render-report";
import { summarize } from "../../src/check/types";
import { platformPlan } from "../policies/fixtures/platform";
import type { PlanBuilder } from "../policies/fixtures/builder";

const TODAY = "2026-01-15";
const GOLDEN = path.join(__dirname, "golden");
const WAIVER = { rule: "HA-009", resource: "Deployment/shop/worker", reason: "batch jobs run for hours; TICKET-42", expires: "2026-03-31" };

/** A platform with one violation per interesting case: mandatory, waived, expired, unused and unmatched waivers. */
function reviewed(): PlanBuilder {
  const b = platformPlan();
  ((b.get("worker").inputs["spec"] as any).template.metadata.annotations = { "karpenter.sh/do-not-disrupt": "true" });
  (b.get("observability-debug").inputs["retentionInDays"] = 10);
  (b.get("observability-pod-restarts").inputs["period"] = 60);
  b.policy = {
    enforcement: "mandatory",
    overrides: { "MET-002": "advisory", "SEC-006": "disabled" },
    waivers: [
      WAIVER,
      { rule: "LOG-002", resource: "aws:cloudwatch/logGroup:LogGroup::observability-debug", reason: "old waiver that nobody renewed", expires: "2025-12-31" },
      { rule: "HA-008", resource: "Deployment/shop/web", reason: "pinned by digest in a week, TICKET-7", expires: "2026-06-30" },
      { rule: "SEC-001", resource: "Deployment/shop/gone", reason: "service removed last quarter", expires: "2026-06-30" },
    ],
  };
  return b;
}

describe("enforcement and waivers", () => {
  const result = checkPlan(reviewed().build(), { today: TODAY });
  const by = (kind: string) => result.findings.filter((f) => f.kind === kind).map((f) => `${f.rule} ${f.resource} ${f.level}`);

  it("applies an unexpired waiver and lists it", () => {
    expect(by("waived")).toEqual(["HA-009 Deployment/shop/worker mandatory"]);
  });
  it("reports an expired waiver as a violation and keeps the violation it no longer covers", () => {
    expect(by("waiver-expired")).toEqual(["LOG-002 aws:cloudwatch/logGroup:LogGroup::observability-debug mandatory"]);
    expect(result.findings.find((f) => f.kind === "violation" && f.rule === "LOG-002")?.message).toContain("(its waiver expired on 2025-12-31)");
  });
  it("reports unneeded and unmatched waivers as advisory", () => {
    expect(by("waiver-unused")).toEqual(["HA-008 Deployment/shop/web advisory"]);
    expect(by("waiver-unmatched")).toEqual(["SEC-001 Deployment/shop/gone advisory"]);
  });
  it("uses per-rule overrides, including disabled", () => {
    expect(result.findings.find((f) => f.rule === "MET-002")?.level).toBe("advisory");
    expect(result.rules.find((r) => r.id === "SEC-006")?.level).toBe("disabled");
    expect(summarize(result)).toEqual({ mandatory: 2, advisory: 3, waived: 1, passed: false });
  });
  it("judges expiry with the injected date: the last day still counts", () => {
    const later = checkPlan(reviewed().build(), { today: "2026-03-31" });
    expect(later.findings.filter((f) => f.kind === "waived")).toHaveLength(1);
    expect(checkPlan(reviewed().build(), { today: "2026-04-01" }).findings.filter((f) => f.kind === "waived")).toHaveLength(0);
  });
});

describe("reports (golden files)", () => {
  const result = checkPlan(reviewed().build(), { today: TODAY });
  it.each(FORMATS)("%s", (format) => {
    const text = renderReport([result], format, { version: "0.0.0-test", verbose: true });
    const ext = { text: "txt", json: "json", sarif: "sarif", junit: "xml", markdown: "md" }[format];
    const file = path.join(GOLDEN, `report.${ext}`);
    if (process.env["UPDATE_GOLDEN"] || !fs.existsSync(file)) fs.mkdirSync(GOLDEN, { recursive: true }), fs.writeFileSync(file, text);
    expect(text).toBe(fs.readFileSync(file, "utf8"));
  });
  it("SARIF names the resource URN as a logical location and suppresses waived results", () => {
    const sarif = JSON.parse(renderReport([result], "sarif", { version: "0" }));
    const results = sarif.runs[0].results as any[];
    expect(results.find((r) => r.ruleId === "LOG-002").locations[0].logicalLocations[0].fullyQualifiedName).toMatch(/^urn:pulumi:prod::shop-platform::/);
    expect(results.filter((r) => r.suppressions).map((r) => r.ruleId)).toEqual(["HA-009"]);
    expect(sarif.runs[0].tool.driver.rules.find((r: any) => r.id === "SEC-001").help.text).toContain("Fix:");
  });
  it("JUnit has one testsuite per family and fails only mandatory violations", () => {
    const xml = renderReport([result], "junit", { version: "0" });
    expect(xml.match(/<testsuite /g)).toHaveLength(5);
    expect(xml).toMatch(/<testsuites name="stackplan check prod" tests="\d+" failures="1"/);
    expect(xml).toContain('<failure type="mandatory"');
  });
});

describe("stackplan check", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-check-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), isTTY: false, cwd: tmp, env: {} } };
  };
  const write = (name: string, b: PlanBuilder) => {
    fs.mkdirSync(path.join(tmp, "rendered", name), { recursive: true });
    fs.writeFileSync(path.join(tmp, "rendered", name, "plan.json"), JSON.stringify(b.build()));
    return path.join(tmp, "rendered", name, "plan.json");
  };

  it("exits 0 on a compliant plan and 1 on a mandatory violation, writing the report atomically", async () => {
    const ok = io();
    expect(await run(["check", "--plan", write("good", platformPlan()), "--today", TODAY], ok.io)).toBe(0);
    expect(ok.out.join("")).toContain("PASS: 0 mandatory");
    const bad = io();
    expect(await run(["check", "--plan", write("bad", reviewed()), "--today", TODAY, "--format", "junit", "--output", "junit.xml"], bad.io)).toBe(1);
    expect(fs.readFileSync(path.join(tmp, "junit.xml"), "utf8")).toContain("<testsuites");
    expect(bad.err.join("")).toContain("mandatory policy violations: 2 in prod");
  });

  it("rejects bad input with exit 2", async () => {
    const a = io();
    expect(await run(["check", "--plan", "missing.json"], a.io)).toBe(2);
    expect(a.err.join("")).toContain("no such plan file");
    const b = io();
    expect(await run(["check", "--plan", write("good", platformPlan()), "--today", "2026-13-01"], b.io)).toBe(2);
    const c = io();
    expect(await run(["check", "--plan", write("good", platformPlan()), "--format", "xml"], c.io)).toBe(2);
  });

  it("asks for a render when --plan-dir has no plan for the env", async () => {
    fs.writeFileSync(path.join(tmp, "Pulumi.yaml"), "name: t\nruntime: nodejs\n");
    const a = io();
    expect(await run(["check", "--env", "qa", "--plan-dir", "rendered"], a.io)).toBe(2);
    expect(a.err.join("")).toContain("run `stackplan render --env qa` first");
  });

  it("names the unknown env when it would render it", async () => {
    fs.writeFileSync(path.join(tmp, "Pulumi.yaml"), "name: t\nruntime: nodejs\n");
    const a = io();
    expect(await run(["check", "--env", "qa"], a.io)).toBe(2);
    expect(a.err.join("")).toContain('unknown env "qa"');
  });
});
