/**
 * The diff as text, laid out like `pulumi preview --diff`: a marker per resource (`+` create,
 * `-` delete, `~` update, `+-` replace), indented under its parent, its URN and provider, then
 * its property changes with old => new values; a `Resources:` summary at the end.
 */
import type { PropertyChange, PlanDiff, ResourceStep, DiffOp } from "./types";
import { propertyLines, valueLines } from "./format-values";

export interface TextOptions {
  /** Also list unchanged resources. */
  readonly showSames?: boolean;
  /** ANSI colours (a terminal that wants them). */
  readonly color?: boolean;
}

const MARKER: Record<DiffOp, string> = { create: "+ ", delete: "- ", update: "~ ", replace: "+-", same: "  " };
const CHANGE_MARKER = { add: "+ ", delete: "- ", update: "~ " } as const;
const COLOR: Record<DiffOp, string> = { create: "32", delete: "31", update: "33", replace: "35", same: "0" };

export function formatText(diff: PlanDiff, opts: TextOptions = {}): string {
  const paint = (op: DiffOp, s: string) => (opts.color && op !== "same" ? `\u001b[${COLOR[op]}m${s}\u001b[0m` : s);
  const lines: string[] = [heading(diff), ""];
  const shown = opts.showSames ? undefined : withAncestors(diff.steps);
  for (const step of diff.steps) {
    if (shown && !shown.has(step.key)) continue;
    lines.push(...stepLines(step).map((l, i) => (i === 0 ? paint(step.op, l) : l)));
  }
  lines.push(...summaryLines(diff));
  return `${lines.join("\n")}\n`;
}

/** Changed steps, their unchanged ancestors (for context) and the stack. */
function withAncestors(steps: readonly ResourceStep[]): Set<string> {
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const shown = new Set<string>();
  for (const s of steps) {
    if (s.op === "same" && s.depth > 0) continue;
    for (let cur: ResourceStep | undefined = s; cur && !shown.has(cur.key); cur = cur.parent ? byKey.get(cur.parent) : undefined) shown.add(cur.key);
  }
  return shown;
}

export function heading(diff: PlanDiff): string {
  const head = `Changes from ${diff.from.label} to ${diff.to.label}`;
  if (!diff.normalized) return `${head}:`;
  return `${head} (env names and account ids compared as {env} and {account}):`;
}

function stepLines(step: ResourceStep): string[] {
  const prefix = "    ".repeat(step.depth);
  const meta = `${prefix}    `;
  const r = step.new ?? step.old!;
  const lines = [`${prefix}${MARKER[step.op]}${step.type}: (${step.op})`, `${meta}[urn=${step.urn}]`];
  if (r.provider) lines.push(`${meta}[provider=${r.provider}]`);
  if (step.op === "create") lines.push(...propertyLines(r.inputs, meta));
  if (step.op === "update" || step.op === "replace") for (const c of step.changes) lines.push(...changeLines(c, `${prefix}  `));
  return lines;
}

/** One property change: `~ path: old => new`, with why it matters after it. */
export function changeLines(c: PropertyChange, indent: string): string[] {
  const inner = `${indent}    `;
  const note = [c.replaces ? "forces replacement" : "", c.cause ?? ""].filter(Boolean).join("; ");
  const suffix = note ? `  (${note})` : "";
  const head = `${indent}${CHANGE_MARKER[c.kind]}${c.path}: `;
  if (c.kind === "update") {
    const before = valueLines(c.old, inner);
    const after = valueLines(c.new, inner);
    if (before.length === 1 && after.length === 1) return [`${head}${before[0]} => ${after[0]}${suffix}`];
    return [`${head}${before[0]}`, ...before.slice(1), `${inner}=> ${after[0]}`, ...after.slice(1).map((l, i, a) => (i === a.length - 1 ? `${l}${suffix}` : l))];
  }
  const value = valueLines(c.kind === "add" ? c.new : c.old, inner);
  const last = value.length - 1;
  return value.map((l, i) => `${i === 0 ? head : ""}${l}${i === last ? suffix : ""}`);
}

export function summaryLines(diff: PlanDiff): string[] {
  const s = diff.summary;
  const lines = ["", "Resources:"];
  if (s.create) lines.push(`    + ${s.create} to create`);
  if (s.update) lines.push(`    ~ ${s.update} to update`);
  if (s.replace) lines.push(`    +-${s.replace} to replace`);
  if (s.delete) lines.push(`    - ${s.delete} to delete`);
  const changes = s.create + s.update + s.replace + s.delete;
  lines.push(changes ? `    ${changes} change${changes === 1 ? "" : "s"}. ${s.same} unchanged` : `    ${s.same} unchanged`);
  return lines;
}
