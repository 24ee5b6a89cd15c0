/** `stackplan cost` output: a text table, JSON or Markdown. */
import { stableStringify } from "../util/stable-json";
import { CATEGORIES, type CostReport } from "./types";

export function costText(r: CostReport): string {
  const out = [`CloudWatch cost of env ${r.env}: $${r.total.toFixed(2)}/month (list prices ${r.region}, ${r.pricesAsOf}, ${r.currency})`, ""];
  for (const c of CATEGORIES) {
    const lines = r.lines.filter((l) => l.category === c);
    if (lines.length === 0) continue;
    out.push(`${c}: $${r.byCategory[c].toFixed(2)}`);
    for (const l of lines) out.push(`  ${`$${l.monthly.toFixed(2)}`.padStart(9)}  ${l.resource}  (${l.detail})`);
  }
  out.push("", ...r.caveats.map((c) => `note: ${c}`));
  return `${out.join("\n")}\n`;
}

export function costJson(r: CostReport): string {
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return stableStringify({ ...r, total: round(r.total), byCategory: Object.fromEntries(Object.entries(r.byCategory).map(([k, v]) => [k, round(v)])), lines: r.lines.map((l) => ({ ...l, monthly: round(l.monthly) })) });
}

export function costMarkdown(r: CostReport): string {
  const out = [`#### CloudWatch cost of \`${r.env}\`: $${r.total.toFixed(2)}/month`, "", "| item | monthly |", "|---|---:|"];
  for (const c of CATEGORIES) if (r.byCategory[c] > 0) out.push(`| ${c} | $${r.byCategory[c].toFixed(2)} |`);
  out.push("", `<sub>List prices ${r.region}, ${r.pricesAsOf}; ${r.caveats.join("; ")}.</sub>`, "");
  return out.join("\n");
}
