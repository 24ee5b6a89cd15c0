import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { packConfig } from "../../src/check/pack-config";
import { rulesMarkdown } from "../../src/check/rules-doc";
import { loadProject } from "../../src/project/project";
import { loadEnvironment } from "../../src/values/load";
import { stableStringify } from "../../src/util/stable-json";
import { FAMILIES } from "../../policies/lib/rule";
import { PACKS, RULES } from "../../policies/registry";

const ROOT = path.resolve(__dirname, "../..");

describe("rule registry", () => {
  it("pins the rule ids of each pack", () => {
    expect(PACKS).toEqual({
      "ha-k8s": ["HA-001", "HA-002", "HA-003", "HA-004", "HA-005", "HA-006", "HA-007", "HA-008", "HA-009"],
      "ha-aws": ["AZ-001", "AZ-002", "AZ-003", "AZ-004", "AZ-005", "AZ-006", "AZ-007"],
      metrics: ["MET-001", "MET-002", "MET-003", "MET-004", "MET-005"],
      logs: ["LOG-001", "LOG-002", "LOG-003", "LOG-004", "LOG-005"],
      security: ["SEC-001", "SEC-002", "SEC-003", "SEC-004", "SEC-005", "SEC-006"],
    });
  });

  it("keeps metadata consistent: unique ids and slugs, family prefix, one file per rule named after it", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(new Set(RULES.map((r) => r.slug)).size).toBe(RULES.length);
    const files = fs.readdirSync(path.join(ROOT, "policies/rules"), { recursive: true }).map(String).filter((f) => f.endsWith(".ts"));
    for (const r of RULES) {
      expect(r.id.startsWith(`${FAMILIES[r.family].prefix}-`)).toBe(true);
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.rationale.length).toBeGreaterThan(60);
      expect(r.remediation.length).toBeGreaterThan(20);
      expect(r.resourceTypes.length).toBeGreaterThan(0);
      expect(files.filter((f) => path.basename(f).startsWith(`${r.id}-`))).toHaveLength(1);
    }
    expect(files).toHaveLength(RULES.length);
  });

  it("RULES.md is up to date (run `npm run rules`)", () => {
    expect(fs.readFileSync(path.join(ROOT, "RULES.md"), "utf8")).toBe(rulesMarkdown());
  });

  it.each(["dev", "staging", "prod"])("policies/config/%s.json is up to date (stackplan rules --pack-config)", (env) => {
    const loaded = loadEnvironment(loadProject(ROOT), env);
    expect(fs.readFileSync(path.join(ROOT, `policies/config/${env}.json`), "utf8")).toBe(stableStringify(packConfig(loaded.facts, loaded.spec.policy)));
  });

  it("the overlays' rule overrides name real rules", () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const env of ["dev", "staging", "prod"]) {
      const { spec } = loadEnvironment(loadProject(ROOT), env);
      expect(Object.keys(spec.policy.overrides).filter((id) => !ids.has(id))).toEqual([]);
    }
  });
});
