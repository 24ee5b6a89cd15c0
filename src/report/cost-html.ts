/**
 * The cost section: a small horizontal bar chart (inline SVG, the amounts written beside the
 * bars) and the same figures as a table, for screen readers and for copying.
 */
import type { CostBar, CostView } from "./model";
import { attrs, esc, signedUsd, textWidth, usd } from "./markup";

const BAR_W = 280;
const ROW = 26;

function bars(rows: readonly (CostBar & { cls: string; text: string })[], label: string): string {
  const labelW = Math.max(120, ...rows.map((r) => textWidth(r.label, 13) + 12));
  const max = Math.max(...rows.map((r) => Math.abs(r.monthly)), 0.01);
  const valueW = Math.max(...rows.map((r) => textWidth(r.text, 13) + 12));
  const width = labelW + BAR_W + valueW;
  const body = rows
    .map((r, i) => {
      const y = 6 + i * ROW;
      const w = Math.max(2, Math.round((Math.abs(r.monthly) / max) * BAR_W));
      return (
        `<text${attrs({ x: labelW - 8, y: y + 15, "text-anchor": "end", class: "t-body" })}>${esc(r.label)}</text>` +
        `<rect${attrs({ x: labelW, y: y + 2, width: w, height: ROW - 8, class: `bar ${r.cls}` })}/>` +
        `<text${attrs({ x: labelW + w + 6, y: y + 15, class: "t-body" })}>${esc(r.text)}</text>`
      );
    })
    .join("");
  return `<svg${attrs({ width, height: rows.length * ROW + 12, viewBox: `0 0 ${width} ${rows.length * ROW + 12}`, role: "img", "aria-label": label, class: "chart" })}>${body}</svg>`;
}

function table(caption: string, rows: readonly [string, string][]): string {
  return `<table class="figures"><caption>${esc(caption)}</caption><tbody>${rows.map(([a, b]) => `<tr><th scope="row">${esc(a)}</th><td>${esc(b)}</td></tr>`).join("")}</tbody></table>`;
}

export function costHtml(c: CostView, env: string, against: string | undefined): string {
  const out: string[] = [];
  const items = [...c.items.map((i) => ({ ...i, cls: "bar-item", text: usd(i.monthly) })), { label: "total", monthly: c.total, cls: "bar-total", text: usd(c.total) }];
  out.push(`<div class="cost-block"><h4>Monthly cost of ${esc(env)}: ${esc(usd(c.total))}</h4>`);
  out.push(bars(items, `Monthly cost of ${env} by item: ${items.map((i) => `${i.label} ${i.text}`).join(", ")}`));
  out.push(table(`Monthly cost of ${env} (${c.currency})`, items.map((i) => [i.label, i.text])));
  out.push(`</div>`);
  if (c.change) {
    const d = c.change.after - c.change.before;
    const rows = [
      { label: `before${against ? ` (${against})` : ""}`, monthly: c.change.before, cls: "bar-before", text: usd(c.change.before) },
      { label: "after", monthly: c.change.after, cls: "bar-after", text: usd(c.change.after) },
      ...c.change.items.map((i) => ({ ...i, label: `change in ${i.label}`, cls: i.monthly >= 0 ? "bar-up" : "bar-down", text: signedUsd(i.monthly) })),
    ];
    out.push(`<div class="cost-block"><h4>Cost of the change: ${esc(signedUsd(d))} per month</h4>`);
    out.push(bars(rows, `Cost of the change: ${rows.map((r) => `${r.label} ${r.text}`).join(", ")}`));
    out.push(table(`Cost of the change (${c.currency} per month)`, [...rows.map((r): [string, string] => [r.label, r.text]), ["change", signedUsd(d)]]));
    out.push(`</div>`);
  }
  out.push(`<ul class="notes">${c.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>`);
  return out.join("");
}
