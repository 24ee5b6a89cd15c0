/**
 * Values as `pulumi preview --diff` prints them: strings quoted, `[secret]` and `[unknown]`
 * bare, lists as `[i]: value`, objects as `key: value` with the colons aligned.
 */
import { SECRET, UNKNOWN } from "../plan/types";
import { isPlainObject } from "../util/plain";
import { compareStrings } from "../util/stable-json";

const INDENT = "    ";

export function scalarText(v: unknown): string {
  if (v === SECRET || v === UNKNOWN) return v;
  if (typeof v === "string") return JSON.stringify(v);
  if (v === undefined) return "undefined";
  return JSON.stringify(v);
}

/** The value as lines: the first continues the line it starts on, the others are indented by `indent`. */
export function valueLines(v: unknown, indent: string): string[] {
  if (Array.isArray(v)) {
    if (v.length === 0) return ["[]"];
    const lines = ["["];
    v.forEach((item, i) => {
      const [first, ...rest] = valueLines(item, indent + INDENT);
      lines.push(`${indent}${INDENT}[${i}]: ${first}`, ...rest);
    });
    lines.push(`${indent}]`);
    return lines;
  }
  if (isPlainObject(v)) {
    const keys = Object.keys(v).sort(compareStrings);
    if (keys.length === 0) return ["{}"];
    return ["{", ...propertyLines(v, indent + INDENT), `${indent}}`];
  }
  return [scalarText(v)];
}

/** `key: value` lines of an object, keys padded so the colons align (Pulumi's layout). */
export function propertyLines(obj: Readonly<Record<string, unknown>>, indent: string): string[] {
  const keys = Object.keys(obj).sort(compareStrings);
  const width = Math.max(0, ...keys.map((k) => k.length));
  const lines: string[] = [];
  for (const k of keys) {
    const [first, ...rest] = valueLines(obj[k], indent);
    lines.push(`${indent}${k.padEnd(width)}: ${first}`, ...rest);
  }
  return lines;
}
