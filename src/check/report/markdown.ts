/** Markdown for PR comments: verdict first, a table of what to fix, waivers folded away. */
import { FAMILIES } from "../../../policies/lib/rule";
import { ruleById } from "../../../policies/registry";
import type { Locator } from "../locate";
import { summarize, type CheckResult, type Finding } from "../types";

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function where(f: Finding, locate?: Locator): string {
  const loc = locate?.(f);
  return loc ? ` ([${loc.file}${loc.line ? `:${loc.line}` : ""}](${loc.file}${loc.line ? `#L${loc.line}` : ""}))` : "";
}

export function markdownReport(result: CheckResult, opts: { locate?: Locator } = {}): string {
  const s = summarize(result);
  const out: string[] = [];
  const icon = s.passed ? (s.advisory > 0 ? ":warning:" : ":white_check_mark:") : ":x:";
  out.push(`### ${icon} stackplan check — \`${result.env.name}\` (${result.env.class})`, "");
  out.push(`**${s.mandatory}** mandatory · **${s.advisory}** advisory · **${s.waived}** waived — ${s.passed ? "passes" : "**fails**: mandatory violations block the merge"}`, "");
  const counted = result.findings.filter((f) => f.kind === "violation" || f.kind === "waiver-expired");
  if (counted.length > 0) {
    out.push("| | rule | resource | finding |", "|---|---|---|---|");
    for (const f of [...counted].sort((a, b) => (a.level === b.level ? 0 : a.level === "mandatory" ? -1 : 1))) {
      const rule = ruleById(f.rule);
      const mark = f.level === "mandatory" ? ":x:" : ":warning:";
      out.push(`| ${mark} | \`${f.rule}\`${rule ? ` ${cell(rule.title)}` : ""} | \`${cell(f.resource)}\` | ${cell(f.message)}${f.path ? ` \`${cell(f.path)}\`` : ""}${where(f, opts.locate)} |`);
    }
    out.push("");
    const fixes = [...new Set(counted.map((f) => f.rule))].map((id) => ruleById(id)).filter((r) => r !== undefined);
    if (fixes.length > 0) {
      out.push("<details><summary>How to fix</summary>", "");
      for (const r of fixes) out.push(`- **${r.id}** (${FAMILIES[r.family].title}): ${r.remediation}`);
      out.push("", "</details>", "");
    }
  }
  const waivers = result.findings.filter((f) => f.kind === "waived" || f.kind === "waiver-unused" || f.kind === "waiver-unmatched");
  if (waivers.length > 0) {
    out.push(`<details><summary>Waivers (${waivers.length})</summary>`, "", "| rule | resource | status | reason | expires |", "|---|---|---|---|---|");
    for (const f of waivers) {
      const status = f.kind === "waived" ? "applied" : f.kind === "waiver-unused" ? "not needed" : "matches nothing";
      out.push(`| \`${f.rule}\` | \`${cell(f.resource)}\` | ${status} | ${cell(f.waiver?.reason ?? "")} | ${f.waiver?.expires ?? ""} |`);
    }
    out.push("", "</details>", "");
  }
  return `${out.join("\n")}\n`;
}
