/**
 * JUnit XML for GitLab, Jenkins and friends: one testsuite per rule family, one testcase per
 * rule × resource it judged. A mandatory violation is a <failure>; an advisory one passes with
 * the message in <system-out>; a waived one is <skipped> with the waiver's reason. Rules that
 * found nothing appear as one passing testcase each, so the suite shows what was checked.
 */
import { FAMILIES, type Family } from "../../../policies/lib/rule";
import { RULES } from "../../../policies/registry";
import type { CheckResult, Finding } from "../types";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

interface Case {
  readonly name: string;
  readonly classname: string;
  readonly findings: readonly Finding[];
}

export function junitReport(results: readonly CheckResult[]): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  let skipped = 0;
  for (const result of results) {
    const levels = new Map(result.rules.map((r) => [r.id, r.level]));
    for (const family of Object.keys(FAMILIES) as Family[]) {
      const cases: Case[] = [];
      for (const rule of RULES.filter((r) => r.family === family)) {
        const classname = `stackplan.${result.env.name}.${family}.${rule.id}`;
        const found = result.findings.filter((f) => f.rule === rule.id);
        const byResource = new Map<string, Finding[]>();
        for (const f of found) byResource.set(f.resource, [...(byResource.get(f.resource) ?? []), f]);
        if (levels.get(rule.id) === "disabled") cases.push({ name: `${rule.id} ${rule.title} (disabled)`, classname, findings: found });
        else if (byResource.size === 0) cases.push({ name: `${rule.id} ${rule.title}`, classname, findings: [] });
        else for (const [resource, list] of byResource) cases.push({ name: `${rule.id} ${resource}`, classname, findings: list });
      }
      const body: string[] = [];
      let suiteFailures = 0;
      let suiteSkipped = 0;
      for (const c of cases) {
        const failing = c.findings.filter((f) => (f.kind === "violation" || f.kind === "waiver-expired") && f.level === "mandatory");
        const waived = c.findings.filter((f) => f.kind === "waived");
        const notes = c.findings.filter((f) => !failing.includes(f) && f.kind !== "waived");
        const disabled = c.name.endsWith("(disabled)");
        body.push(`    <testcase name="${esc(c.name)}" classname="${esc(c.classname)}">`);
        if (failing.length > 0) {
          suiteFailures++;
          body.push(`      <failure type="mandatory" message="${esc(failing[0]!.message)}">${esc(failing.map((f) => `${f.message}${f.path ? ` [${f.path}]` : ""}`).join("\n"))}</failure>`);
        } else if (disabled || (waived.length > 0 && notes.length === 0)) {
          suiteSkipped++;
          body.push(`      <skipped message="${esc(disabled ? "rule disabled in this env" : `waived until ${waived[0]!.waiver?.expires}: ${waived[0]!.waiver?.reason}`)}"/>`);
        }
        if (notes.length > 0) body.push(`      <system-out>${esc(notes.map((f) => `${f.level}: ${f.message}`).join("\n"))}</system-out>`);
        body.push("    </testcase>");
      }
      total += cases.length;
      failures += suiteFailures;
      skipped += suiteSkipped;
      suites.push(`  <testsuite name="${esc(`${result.env.name}: ${FAMILIES[family].title}`)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}">`, ...body, "  </testsuite>");
    }
  }
  out.push(`<testsuites name="stackplan check ${esc(results.map((r) => r.env.name).join(", "))}" tests="${total}" failures="${failures}" errors="0" skipped="${skipped}">`, ...suites, "</testsuites>");
  return `${out.join("\n")}\n`;
}
