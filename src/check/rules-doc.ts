/** RULES.md: the rules reference, generated from the rule metadata (`npm run rules`). */
import { FAMILIES, type Family } from "../../policies/lib/rule";
import { RULES } from "../../policies/registry";

function cell(s: string): string {
  return s.replace(/\|/g, "\\|");
}

export function rulesMarkdown(): string {
  const out: string[] = [
    "# stackplan policy rules",
    "",
    "<!-- Generated from the rule metadata in policies/rules/ by `npm run rules`; do not edit by hand. -->",
    "",
    "Every rule runs offline (`stackplan check`) and in the CrossGuard pack (`pulumi preview --policy-pack policies`).",
    "Its level (advisory, mandatory, disabled) comes from the env's `policy:` values; a resource can be waived with",
    "`policy.waivers`. A rule that cannot evaluate a value (`[unknown]`, `[secret]`, missing, unparsable) reports a",
    "violation saying so: rules fail closed.",
    "",
    "| id | title | severity | scope | resource types |",
    "|---|---|---|---|---|",
    ...RULES.map((r) => `| [${r.id}](#${r.id.toLowerCase()}-${r.slug}) | ${cell(r.title)} | ${r.severity} | ${r.scope} | ${r.resourceTypes.map((t) => `\`${t}\``).join("<br>")} |`),
  ];
  for (const family of Object.keys(FAMILIES) as Family[]) {
    out.push("", `## ${FAMILIES[family].title} (${FAMILIES[family].prefix})`);
    for (const r of RULES.filter((x) => x.family === family)) {
      out.push("", `### ${r.id} ${r.slug}`, "", `**${r.title}** — severity ${r.severity}, ${r.scope} rule.`, "", r.rationale, "", `**Fix:** ${r.remediation}`);
    }
  }
  return `${out.join("\n")}\n`;
}
