/** The default report: findings grouped by resource, waivers, then a one-line verdict. */
import { ruleById } from "../../../policies/registry";
import { summarize, type CheckResult, type Finding } from "../types";

const MARK: Record<Finding["kind"], (f: Finding) => string> = {
  violation: (f) => (f.level === "mandatory" ? "FAIL" : "warn"),
  "waiver-expired": (f) => (f.level === "mandatory" ? "FAIL" : "warn"),
  waived: () => "waived",
  "waiver-unused": () => "note",
  "waiver-unmatched": () => "note",
};

export function textReport(result: CheckResult, opts: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  const s = summarize(result);
  const ran = result.rules.filter((r) => r.level !== "disabled").length;
  lines.push(`stackplan check: env ${result.env.name} (${result.env.class}), ${ran} rules on ${result.resources} resources, today ${result.today}`);
  const byResource = new Map<string, Finding[]>();
  for (const f of result.findings) byResource.set(f.resource, [...(byResource.get(f.resource) ?? []), f]);
  for (const [resource, list] of byResource) {
    const type = list[0]!.type;
    lines.push("", type && !resource.startsWith(type) ? `${resource}  (${type})` : resource);
    for (const f of list) {
      lines.push(`  ${MARK[f.kind](f).padEnd(6)} ${f.rule.padEnd(7)} ${f.message}${f.path ? `  [${f.path}]` : ""}`);
      if (f.kind === "waived" && f.waiver) lines.push(`                 waived until ${f.waiver.expires}: ${f.waiver.reason}`);
      if (opts.verbose && f.kind === "violation") {
        const rule = ruleById(f.rule);
        if (rule) lines.push(`                 fix: ${rule.remediation}`);
      }
    }
  }
  const disabled = result.rules.filter((r) => r.level === "disabled").map((r) => r.id);
  lines.push("");
  if (disabled.length) lines.push(`disabled here: ${disabled.join(", ")}`);
  const verdict = s.passed ? "PASS" : "FAIL";
  lines.push(`${verdict}: ${s.mandatory} mandatory, ${s.advisory} advisory, ${s.waived} waived${s.passed ? "" : " (mandatory violations fail the check)"}`);
  return `${lines.join("\n")}\n`;
}
