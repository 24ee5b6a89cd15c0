/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers (node-sarif-builder). Rules carry
 * their rationale and remediation as help; each result names the resource URN as a logical
 * location and, where a locator finds it, the values file line to change. Waived findings are
 * emitted as suppressed results with the waiver's reason.
 */
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from "node-sarif-builder";
import { FAMILIES } from "../../../policies/lib/rule";
import { RULES } from "../../../policies/registry";
import { stableStringify } from "../../util/stable-json";
import type { Locator } from "../locate";
import type { CheckResult, Finding } from "../types";

const SECURITY_SEVERITY = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" } as const;
const WAIVER_RULE = "WAIVER";

function level(f: Finding): "error" | "warning" | "note" {
  if (f.kind === "waiver-unused" || f.kind === "waiver-unmatched") return "note";
  return f.level === "mandatory" ? "error" : "warning";
}

export function sarifReport(results: readonly CheckResult[], opts: { version: string; locate?: (result: CheckResult) => Locator | undefined }): string {
  const log = new SarifBuilder();
  for (const result of results) log.addRun(sarifRun(result, opts.version, opts.locate?.(result)));
  return stableStringify(log.buildSarifOutput());
}

function sarifRun(result: CheckResult, version: string, locate: Locator | undefined): SarifRunBuilder {
  const run = new SarifRunBuilder().initSimple({ toolDriverName: "stackplan", toolDriverVersion: version, url: "https://github.com/stackplan/stackplan" });
  for (const r of RULES) {
    run.addRule(
      new SarifRuleBuilder({
        id: r.id,
        name: r.slug,
        shortDescription: { text: r.title },
        fullDescription: { text: r.rationale },
        help: { text: `${r.rationale}\n\nFix: ${r.remediation}`, markdown: `**${r.id} ${r.title}**\n\n${r.rationale}\n\n**Fix:** ${r.remediation}` },
        defaultConfiguration: { level: "error" },
        properties: { tags: [r.family, FAMILIES[r.family].title], ...(r.family === "security" ? { "security-severity": SECURITY_SEVERITY[r.severity] } : {}), severity: r.severity },
      }),
    );
  }
  run.addRule(new SarifRuleBuilder({ id: WAIVER_RULE, name: "waiver-hygiene", shortDescription: { text: "Waivers that expired, match nothing or are no longer needed" }, help: { text: "Renew expired waivers with a new reason, or remove them." } }));
  for (const f of result.findings) {
    const loc = locate?.(f);
    const waiverFinding = f.kind.startsWith("waiver-");
    const res = new SarifResultBuilder({
      ruleId: waiverFinding ? WAIVER_RULE : f.rule,
      level: level(f),
      message: { text: `${f.resource}: ${f.message}${f.path ? ` [${f.path}]` : ""}` },
      locations: [
        {
          ...(loc ? { physicalLocation: { artifactLocation: { uri: loc.file }, ...(loc.line ? { region: { startLine: loc.line } } : {}) } } : {}),
          logicalLocations: [{ name: f.resource, fullyQualifiedName: f.urn ?? f.resource, kind: "resource" }],
        },
      ],
      partialFingerprints: { "stackplan/v1": `${f.rule}|${f.urn ?? f.resource}|${f.path ?? ""}|${f.kind}` },
      properties: { env: result.env.name, enforcement: f.level, kind: f.kind, ...(waiverFinding ? { rule: f.rule } : {}) },
      ...(f.kind === "waived" && f.waiver ? { suppressions: [{ kind: "external", status: "accepted", justification: `${f.waiver.reason} (until ${f.waiver.expires})` }] } : {}),
    });
    run.addResult(res);
  }
  run.run.automationDetails = { id: `stackplan/${result.env.name}/` };
  return run;
}
