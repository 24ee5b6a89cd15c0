/** How the CloudWatch bill changes between two plans (for `diff`'s Markdown and `cost --against`). */
import type { Plan } from "../plan/types";
import { compareStrings } from "../util/stable-json";
import { costOf, type CostOptions } from "./cost";
import { CATEGORIES, type CostCategory, type CostReport } from "./types";

export interface CostDelta {
  readonly before: CostReport;
  readonly after: CostReport;
  readonly byCategory: Readonly<Record<CostCategory, number>>;
  readonly total: number;
  /** Per resource and category, only where the amount changed; sorted. */
  readonly changes: readonly { readonly resource: string; readonly category: CostCategory; readonly before: number; readonly after: number }[];
}

export function costDelta(planA: Plan, planB: Plan, opts: { a?: CostOptions; b?: CostOptions } = {}): CostDelta {
  const before = costOf(planA, opts.a);
  const after = costOf(planB, opts.b);
  const amounts = new Map<string, { resource: string; category: CostCategory; before: number; after: number }>();
  for (const [side, report] of [["before", before], ["after", after]] as const) {
    for (const l of report.lines) {
      const k = `${l.category}\u0000${l.resource}`;
      const e = amounts.get(k) ?? { resource: l.resource, category: l.category, before: 0, after: 0 };
      e[side] += l.monthly;
      amounts.set(k, e);
    }
  }
  const changes = [...amounts.values()].filter((c) => Math.abs(c.after - c.before) >= 0.005).sort((x, y) => compareStrings(x.resource, y.resource) || CATEGORIES.indexOf(x.category) - CATEGORIES.indexOf(y.category));
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, after.byCategory[c] - before.byCategory[c]])) as Record<CostCategory, number>;
  return { before, after, byCategory, total: after.total - before.total, changes };
}

const signed = (n: number) => `${n >= 0 ? "+" : "−"}$${Math.abs(n).toFixed(2)}`;

/** A Markdown section for PR comments. */
export function costDeltaMarkdown(d: CostDelta): string {
  const out = [`#### CloudWatch cost: ${signed(d.total)}/month (${d.before.env} $${d.before.total.toFixed(2)} → ${d.after.env} $${d.after.total.toFixed(2)})`, ""];
  if (d.changes.length > 0) {
    out.push("| resource | item | before | after | change |", "|---|---|---:|---:|---:|");
    for (const c of d.changes) out.push(`| \`${c.resource}\` | ${c.category} | $${c.before.toFixed(2)} | $${c.after.toFixed(2)} | ${signed(c.after - c.before)} |`);
    out.push("");
  }
  out.push(`<sub>List prices ${d.after.region}, ${d.after.pricesAsOf}; ${d.after.caveats.join("; ")}.</sub>`, "");
  return out.join("\n");
}
