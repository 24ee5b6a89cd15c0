/** What `promote` prints: the pins, the gates, the diff of the target — as text or Markdown. */
import { summarize, type CheckResult } from "../check/types";
import { formatMarkdown } from "../diff/format-markdown";
import { formatText } from "../diff/format-text";
import { quote } from "../util/errors";
import type { PromoteResult } from "./promote";

export function promoteText(r: PromoteResult, opts: { dryRun: boolean; color?: boolean }): string {
  const out = [`Promote ${r.from.name} → ${r.to.name} into ${r.file}`];
  if (r.changes.length === 0) out.push("  nothing to promote: every pin already matches");
  const width = Math.max(0, ...r.changes.map((c) => c.path.join(".").length));
  for (const c of r.changes) out.push(`  ${c.path.join(".").padEnd(width)}  ${pin(c.from)} → ${pin(c.to)}`);
  for (const s of r.skipped) out.push(`  skipped ${s.path}: ${s.reason}`);
  if (r.sourceCheck) out.push("", `Gate: ${gate(r.sourceCheck, r.from.name)}; ${gate(r.targetCheck!, `${r.to.name} after the promotion`)}`);
  if (r.diff) out.push("", formatText(r.diff, { color: opts.color ?? false }).trimEnd());
  out.push("", outcome(r, opts.dryRun));
  return `${out.join("\n")}\n`;
}

export function promoteMarkdown(r: PromoteResult, opts: { dryRun: boolean }): string {
  const out = [`## stackplan promote: \`${r.from.name}\` → \`${r.to.name}\``, ""];
  if (r.changes.length === 0) out.push("Nothing to promote: every pin already matches.");
  else {
    out.push(`Pins copied into \`${r.file}\`:`, "", "| value | " + r.to.name + " now | promoted |", "|---|---|---|");
    for (const c of r.changes) out.push(`| \`${c.path.join(".")}\` | ${cell(c.from)} | ${cell(c.to)} |`);
  }
  if (r.skipped.length) out.push("", ...r.skipped.map((s) => `- skipped \`${s.path}\`: ${s.reason}`));
  if (r.sourceCheck) out.push("", `**Gate:** ${gate(r.sourceCheck, r.from.name)}; ${gate(r.targetCheck!, `${r.to.name} after the promotion`)}`);
  if (r.diff) out.push("", formatMarkdown(r.diff, { maxChars: 50_000 }).trimEnd());
  out.push("", `_${outcome(r, opts.dryRun)}_`);
  return `${out.join("\n")}\n`;
}

function gate(c: CheckResult, who: string): string {
  const s = summarize(c);
  return `${who} ${s.passed ? "passes" : "FAILS"} (${s.mandatory} mandatory, ${s.advisory} advisory, ${s.waived} waived)`;
}

function outcome(r: PromoteResult, dryRun: boolean): string {
  if (r.refused) return `Refused, nothing written: ${r.refused}.`;
  if (r.changes.length === 0) return "Nothing written.";
  if (r.written) return `Wrote ${r.file}.`;
  return dryRun ? `Dry run: ${r.file} not changed.` : "Nothing written.";
}

function pin(v: unknown): string {
  return v === undefined ? "(unset)" : v === null ? "(removed)" : quote(v);
}

function cell(v: unknown): string {
  return v === undefined ? "_unset_" : v === null ? "_removed_" : `\`${String(v)}\``;
}
