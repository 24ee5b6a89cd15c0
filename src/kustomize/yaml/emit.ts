/**
 * YAML output byte-identical to `kubectl kustomize`. kustomize prints every resource by turning
 * it into JSON and the JSON into YAML with sigs.k8s.io/yaml, i.e. go-yaml v2's encoder: keys
 * sorted by v2's "natural" order, block style, sequences not indented under their key, strings
 * quoted when v2 would read them back as something else, plain scalars folded at 80 columns,
 * literal blocks for multi-line strings. This is a small state machine with the same rules.
 */
import { sortKeysV2 } from "./key-order";
import { isBreak, isPrintable, stringStyle, type Style } from "./scalar-style";

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

export class Emitter {
  private out = "";
  private column = 0;
  private indent = -1;
  private whitespace = true;
  private indention = true;

  text(): string {
    return this.out;
  }

  /** One document: the root must be a mapping or a sequence. */
  document(value: unknown): void {
    this.column = 0;
    this.indent = -1;
    this.whitespace = true;
    this.indention = true;
    this.node(value, { mapping: false, sequence: false, simpleKey: false });
    // Document end: like write_indent at column 0 (a block scalar may have ended the line).
    if (!this.indention || this.column > 0 || !this.whitespace) this.putBreak();
  }

  private node(value: unknown, ctx: { mapping: boolean; sequence: boolean; simpleKey: boolean }): void {
    if (Array.isArray(value)) {
      if (value.length === 0) return this.flowEmpty("[]");
      this.blockSequence(value, ctx.mapping);
    } else if (value !== null && typeof value === "object") {
      const keys = Object.keys(value as object);
      if (keys.length === 0) return this.flowEmpty("{}");
      this.blockMapping(value as Record<string, unknown>, keys);
    } else {
      this.scalar(value, ctx.simpleKey);
    }
  }

  private flowEmpty(text: string): void {
    this.writeIndicator(text[0]!, true, true, false);
    this.writeIndicator(text[1]!, false, false, false);
  }

  private blockSequence(items: unknown[], mappingContext: boolean): void {
    const saved = this.indent;
    const indentless = mappingContext && !this.indention;
    if (this.indent < 0) this.indent = 0;
    else if (!indentless) this.indent += BEST_INDENT;
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, { mapping: false, sequence: true, simpleKey: false });
    }
    this.indent = saved;
  }

  private blockMapping(map: Record<string, unknown>, keys: string[]): void {
    const saved = this.indent;
    this.indent = this.indent < 0 ? 0 : this.indent + BEST_INDENT;
    for (const key of sortKeysV2(keys)) {
      this.writeIndent();
      this.scalar(key, true);
      this.writeIndicator(":", false, false, false);
      this.node(map[key], { mapping: true, sequence: false, simpleKey: false });
    }
    this.indent = saved;
  }

  private scalar(value: unknown, simpleKey: boolean): void {
    let text: string;
    let style: Style;
    if (typeof value === "string") {
      text = value;
      style = stringStyle(value, simpleKey);
    } else {
      text = formatNonString(value);
      style = "plain";
    }
    const saved = this.indent;
    this.indent = this.indent < 0 ? BEST_INDENT : this.indent + BEST_INDENT;
    const allowBreaks = !simpleKey;
    if (style === "plain") this.writePlain(text, allowBreaks);
    else if (style === "single") this.writeSingle(text, allowBreaks);
    else if (style === "double") this.writeDouble(text, allowBreaks);
    else this.writeLiteral(text);
    this.indent = saved;
  }

  private put(s: string): void {
    this.out += s;
    this.column += 1;
  }

  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  private writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) {
      this.out += " ".repeat(indent - this.column);
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.out += indicator;
    this.column += indicator.length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    let spaces = false;
    if (!allowBreaks || !value.includes(" ")) {
      this.out += value;
      this.column += codePoints(value);
    } else {
      const chars = Array.from(value);
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i]!;
        if (ch === " ") {
          if (!spaces && this.column > BEST_WIDTH && chars[i + 1] !== " ") this.writeIndent();
          else this.put(ch);
          spaces = true;
        } else {
          this.put(ch);
          this.indention = false;
          spaces = false;
        }
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const chars = Array.from(value);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== " ") this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === "\n") this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const chars = Array.from(value);
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const cp = ch.codePointAt(0)!;
      if (!isPrintable(cp) || isBreak(ch) || ch === '"' || ch === "\\" || cp === 0xfeff) {
        this.put("\\");
        const esc = ESCAPES[cp];
        if (esc) this.put(esc);
        else {
          const [letter, width] = cp <= 0xff ? ["x", 2] : cp <= 0xffff ? ["u", 4] : ["U", 8];
          this.put(letter);
          const hex = cp.toString(16).toUpperCase().padStart(width, "0");
          for (const h of hex) this.put(h);
        }
        spaces = false;
      } else if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === " ") this.put("\\");
        } else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(value: string): void {
    this.writeIndicator("|", true, false, false);
    const first = value[0];
    if (first === " " || (first !== undefined && isBreak(first))) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const chomp = chompHint(value);
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of value) {
      if (isBreak(ch)) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }

  private writeBreak(ch: string): void {
    if (ch === "\n") this.putBreak();
    else {
      this.out += ch;
      this.column = 0;
    }
  }
}

const ESCAPES: Record<number, string> = {
  0x00: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0a: "n", 0x0b: "v", 0x0c: "f", 0x0d: "r", 0x1b: "e",
  0x22: '"', 0x5c: "\\", 0x85: "N", 0xa0: "_", 0x2028: "L", 0x2029: "P",
};

function chompHint(value: string): string {
  if (value.length === 0) return "-";
  const last = value[value.length - 1]!;
  if (!isBreak(last)) return "-";
  if (value.length === 1) return "+";
  return isBreak(value[value.length - 2]!) ? "+" : "";
}

/** The length in code points (a column counts characters, not UTF-16 units). */
function codePoints(s: string): number {
  // Only a surrogate pair makes the two differ.
  return /[\uD800-\uDFFF]/.test(s) ? Array.from(s).length : s.length;
}

/** Numbers, booleans and null as go-yaml v2 prints what encoding/json produced. */
export function formatNonString(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return formatNumber(value);
  throw new Error(`cannot serialise a ${typeof value}`);
}

const TWO_63 = 2 ** 63;
const TWO_64 = 2 ** 64;

function formatNumber(n: number): string {
  // encoding/json prints integral floats below 1e21 as digits, and v2 reads digits back as an
  // integer when they fit in int64/uint64; anything else is a float in strconv 'g' form.
  if (Number.isInteger(n) && n >= -TWO_63 && n < TWO_64) return BigInt(n).toString();
  if (Number.isNaN(n)) return ".nan";
  if (!Number.isFinite(n)) return n > 0 ? ".inf" : "-.inf";
  const [mant, expText] = n.toExponential().split("e") as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? "-" : "+";
    const digits = String(Math.abs(exp)).padStart(2, "0");
    return `${mant}e${sign}${digits}`;
  }
  return String(n);
}
