/**
 * Small helpers for writing HTML and SVG by hand: escaping, and an estimate of how wide a text
 * is, so that boxes can be sized without a browser. The estimate is per character class of a
 * wide sans-serif (DejaVu Sans, Chromium's default on Debian, is among the widest): boxes come
 * out a little roomy in narrower fonts, never too tight.
 */

/** Text and attribute values: the five characters that could end them or start markup. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Estimated width in px of `s` at `size` px. */
export function textWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of s) {
    if (/[0-9]/.test(ch)) em += 0.64;
    else if (/[A-Z]/.test(ch)) em += 0.7;
    else if (/[mwMW]/.test(ch)) em += 0.9;
    else if (/[a-z]/.test(ch)) em += 0.6;
    else if (/[ .,:;'|!il/()[\]-]/.test(ch)) em += 0.36;
    else em += 0.8;
  }
  return Math.ceil(em * size * (bold ? 1.1 : 1));
}

/** `s` cut to fit `width` px, with an ellipsis when cut (the full text goes in a title). */
export function fit(s: string, width: number, size: number, bold = false): string {
  if (textWidth(s, size, bold) <= width) return s;
  let out = s;
  while (out.length > 1 && textWidth(`${out}…`, size, bold) > width) out = out.slice(0, -1);
  return `${out}…`;
}

/** Attributes from a record, in the order given; undefined values are left out. */
export function attrs(a: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(v!)}"`)
    .join("");
}

/** Money as the report prints it: `$12.34`, and signed for changes. */
export function usd(n: number): string {
  return `$${Math.abs(n) < 0.005 ? "0.00" : n.toFixed(2)}`;
}

export function signedUsd(n: number): string {
  return `${n >= 0.005 ? "+" : n <= -0.005 ? "−" : "±"}$${Math.abs(n) < 0.005 ? "0.00" : Math.abs(n).toFixed(2)}`;
}
