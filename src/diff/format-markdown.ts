/**
 * The diff as a pull-request comment: a summary table, then one collapsible section per
 * changed resource — replacements and deletions first, they are what a reviewer must not miss —
 * with its changes as a ```diff block (`-` old, `+` new). Long sections and long comments are
 * cut with a count of what was left out (GitHub rejects comments over 65,536 characters).
 */
import { propertyLines, valueLines } from "./format-values";
import { topChangedKinds } from "./summary";
import type { DiffOp, PlanDiff, PropertyChange, ResourceStep } from "./types";

export interface MarkdownOptions {
  /** Lines per resource section before it is cut. @default 40 */
  readonly maxLinesPerResource?: number;
  /** Characters of the whole comment before sections are left out. @default 60000 */
  readonly maxChars?: number;
}

const ORDER: DiffOp[] = ["replace", "delete", "update", "create"];
const MARK: Record<DiffOp, string> = { create: "+", delete: "-", update: "~", replace: "+-", same: " " };

export function formatMarkdown(diff: PlanDiff, opts: MarkdownOptions = {}): string {
  const maxLines = opts.maxLinesPerResource ?? 40;
  const maxChars = opts.maxChars ?? 60_000;
  const s = diff.summary;
  const changed = diff.steps.filter((st) => st.op !== "same");
  const out: string[] = [`### stackplan diff: \`${diff.from.label}\` → \`${diff.to.label}\``, ""];
  if (changed.length === 0) {
    out.push(`No changes: ${s.same} resources unchanged.`);
    return `${out.join("\n")}\n`;
  }
  out.push("| | create | update | replace | delete | unchanged |", "|---|---:|---:|---:|---:|---:|");
  out.push(`| resources | ${s.create} | ${s.update} | ${s.replace} | ${s.delete} | ${s.same} |`, "");
  const kinds = topChangedKinds(diff, 5);
  out.push(`Most changed: ${kinds.map((k) => `\`${k.type}\` (${k.count})`).join(", ")}`);
  if (diff.normalized) out.push("", "_Env names and account ids are compared as `{env}` and `{account}`; the values shown are the real ones._");
  out.push("");

  const sections = ORDER.flatMap((op) => changed.filter((st) => st.op === op));
  let size = out.join("\n").length;
  let shown = 0;
  for (const step of sections) {
    const text = section(step, maxLines);
    if (size + text.length > maxChars) break;
    out.push(text);
    size += text.length + 1;
    shown += 1;
  }
  if (shown < sections.length) {
    out.push(`… ${sections.length - shown} more changed resource${sections.length - shown === 1 ? "" : "s"} not shown (the comment would be too long); run \`stackplan diff\` for the full diff.`);
  }
  return `${out.join("\n")}\n`;
}

function section(step: ResourceStep, maxLines: number): string {
  const why = step.op === "replace" ? ` — forces replacement: ${step.replaceReasons.map((r) => `<code>${escape(r)}</code>`).join(", ")}` : "";
  const summary = `<code>${MARK[step.op]}</code> ${step.op} <code>${escape(step.type)}</code> <b>${escape(step.name)}</b>${why}`;
  const body = bodyLines(step);
  const cut = body.length > maxLines ? body.length - maxLines : 0;
  const lines = cut ? [...body.slice(0, maxLines), `… ${cut} more line${cut === 1 ? "" : "s"} cut`] : body;
  const text = lines.join("\n");
  const fence = text.includes("```") ? "````" : "```";
  return ["<details>", `<summary>${summary}</summary>`, "", `<sub>${escape(step.urn)}</sub>`, "", `${fence}diff`, text, fence, "", "</details>", ""].join("\n");
}

function bodyLines(step: ResourceStep): string[] {
  const r = step.new ?? step.old!;
  if (step.op === "create") return propertyLines(r.inputs, "").map((l) => `+ ${l}`);
  if (step.op === "delete") return propertyLines(r.inputs, "").map((l) => `- ${l}`);
  return step.changes.flatMap(changeLines);
}

/** A change as removed/added lines, so GitHub colours them. */
function changeLines(c: PropertyChange): string[] {
  const notes = [c.replaces ? "forces replacement" : "", c.cause ?? "", c.secret ? "secret changed" : ""].filter(Boolean);
  const note = notes.length ? `   # ${notes.join("; ")}` : "";
  const side = (mark: string, v: unknown, withNote: boolean) => {
    const lines = valueLines(v, "  ");
    return lines.map((l, i) => `${mark} ${i === 0 ? `${c.path}: ` : ""}${l}${withNote && i === lines.length - 1 ? note : ""}`);
  };
  if (c.kind === "add") return side("+", c.new, true);
  if (c.kind === "delete") return side("-", c.old, true);
  return [...side("-", c.old, false), ...side("+", c.new, true)];
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
