/**
 * Which style go-yaml v2 prints a string scalar in (plain, single-quoted, double-quoted, literal
 * block): libyaml's analysis of the characters and its choice among the styles they allow.
 */
import { needsQuotesV2 } from "./scalar";

export type Style = "plain" | "single" | "double" | "literal";

interface ScalarInfo {
  multiline: boolean;
  blockPlain: boolean;
  single: boolean;
  block: boolean;
}

export function isBreak(ch: string): boolean {
  return ch === "\n" || ch === "\r" || ch === "\u0085" || ch === "\u2028" || ch === "\u2029";
}

/** libyaml's printable set (which leaves out everything beyond the BMP). */
export function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

/** What the v2 emitter allows for this string (yaml_emitter_analyze_scalar). */
function analyze(value: string): ScalarInfo {
  if (value.length === 0) return { multiline: false, blockPlain: true, single: true, block: false };
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith("---") || value.startsWith("...")) blockIndicators = true;
  const chars = Array.from(value);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || next === " " || next === "\t" || isBreak(next);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) blockIndicators = true;
      else if ((ch === "?" || ch === ":" || ch === "-") && followedByWhitespace) blockIndicators = true;
    } else if (ch === ":" && followedByWhitespace) blockIndicators = true;
    else if (ch === "#" && precededByWhitespace) blockIndicators = true;
    const cp = ch.codePointAt(0)!;
    if (!isPrintable(cp)) special = true;
    if (ch === " ") {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = ch === " " || ch === "\t" || isBreak(ch);
  }
  const info: ScalarInfo = { multiline: lineBreaks, blockPlain: true, single: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) info.blockPlain = false;
  if (trailingSpace) info.block = false;
  if (breakSpace) {
    info.blockPlain = false;
    info.single = false;
  }
  if (spaceBreak || special) {
    info.blockPlain = false;
    info.single = false;
    info.block = false;
  }
  if (lineBreaks || blockIndicators) info.blockPlain = false;
  return info;
}

/**
 * The style of a string scalar, remembered per string: a manifest's keys and most of its values
 * (labels, names, `IfNotPresent`, `TCP`) repeat from object to object, and analysing each
 * character of each again was a third of printing them.
 */
const styles = [new Map<string, Style>(), new Map<string, Style>()];
const STYLES_KEPT = 100_000;

export function stringStyle(value: string, simpleKey: boolean): Style {
  const cache = styles[simpleKey ? 1 : 0]!;
  let style = cache.get(value);
  if (style === undefined) {
    style = selectStringStyle(value, analyze(value), simpleKey);
    if (cache.size >= STYLES_KEPT) cache.clear();
    cache.set(value, style);
  }
  return style;
}

/** encoder.stringv followed by yaml_emitter_select_scalar_style, for block context. */
function selectStringStyle(s: string, info: ScalarInfo, simpleKey: boolean): Style {
  let style: Style = s.includes("\n") ? "literal" : needsQuotesV2(s) ? "double" : "plain";
  if (simpleKey && info.multiline) style = "double";
  if (style === "plain") {
    if (!info.blockPlain) style = "single";
    if (s.length === 0 && simpleKey) style = "single";
  }
  if (style === "single" && !info.single) style = "double";
  if (style === "literal" && (!info.block || simpleKey)) style = "double";
  return style;
}
