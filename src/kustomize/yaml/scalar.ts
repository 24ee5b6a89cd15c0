/**
 * How YAML plain scalars resolve to values, as the Go libraries behind kustomize do it.
 * Input goes through go-yaml v3 (YAML 1.2 booleans only, Go integer syntax: `0755` is octal,
 * `0x1F`, `0b101`, `1_000`); output goes through go-yaml v2, which also treats the YAML 1.1
 * words `yes/no/on/off/y/n` as booleans, so such strings must be quoted on the way out.
 */

export type Resolved =
  | { readonly tag: "str"; readonly value: string }
  | { readonly tag: "null"; readonly value: null }
  | { readonly tag: "bool"; readonly value: boolean }
  | { readonly tag: "int"; readonly value: number | bigint }
  | { readonly tag: "float"; readonly value: number }
  | { readonly tag: "timestamp"; readonly value: string };

const YAML12_WORDS: Record<string, Resolved> = {
  true: { tag: "bool", value: true },
  True: { tag: "bool", value: true },
  TRUE: { tag: "bool", value: true },
  false: { tag: "bool", value: false },
  False: { tag: "bool", value: false },
  FALSE: { tag: "bool", value: false },
  "": { tag: "null", value: null },
  "~": { tag: "null", value: null },
  null: { tag: "null", value: null },
  Null: { tag: "null", value: null },
  NULL: { tag: "null", value: null },
};
const SPECIAL_FLOATS = new Set([".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"]);
const YAML11_BOOLS = new Set(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF"]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Resolve a plain scalar as go-yaml v3 does when decoding into interface{}. */
export function resolvePlain(text: string): Resolved {
  return resolve(text, false);
}

/** True when go-yaml v2 would read this string back as something other than a string. */
export function needsQuotesV2(s: string): boolean {
  const r = resolve(s, true);
  if (r.tag !== "str") return true;
  const c = s.charCodeAt(0);
  return (c === 43 || c === 45 || (c >= 48 && c <= 57)) && s.includes(":") && BASE60_FLOAT.test(s);
}

function resolve(text: string, yaml11: boolean): Resolved {
  const word = YAML12_WORDS[text];
  if (word) return word;
  if (text === "<<") return { tag: "str", value: text };
  const c = text.charCodeAt(0);
  if (yaml11 && YAML11_BOOLS.has(text)) return { tag: "bool", value: text[0] === "y" || text[0] === "Y" || text === "on" || text === "On" || text === "ON" };
  if (SPECIAL_FLOATS.has(text)) return { tag: "float", value: text.includes("nan") || text.includes("NaN") || text.includes("NAN") ? NaN : text[0] === "-" ? -Infinity : Infinity };
  if (c === 46 /* . */) {
    const f = goParseFloat(text);
    if (f !== undefined) return { tag: "float", value: f };
    return { tag: "str", value: text };
  }
  const isDigit = c >= 48 && c <= 57;
  if (!isDigit && c !== 43 && c !== 45) return { tag: "str", value: text };
  const ts = parseTimestamp(text);
  if (ts !== undefined) return { tag: "timestamp", value: ts };
  const plain = text.includes("_") ? text.replace(/_/g, "") : text;
  const n = goParseInt(plain);
  if (n !== undefined) return { tag: "int", value: n };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return { tag: "float", value: f };
  }
  return { tag: "str", value: text };
}

/** Go's strconv.ParseInt(s, 0, 64), falling back to ParseUint: a JS number when safe, else a bigint. */
function goParseInt(s: string): number | bigint | undefined {
  let i = 0;
  let neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    i = 1;
  }
  let body = s.slice(i);
  let radix = 10;
  if (body.length >= 2 && body[0] === "0") {
    const p = body[1]!.toLowerCase();
    if (p === "x") radix = 16;
    else if (p === "o") radix = 8;
    else if (p === "b") radix = 2;
    if (radix !== 10) body = body.slice(2);
    else {
      radix = 8;
      body = body.slice(1);
    }
  }
  if (body === "") return s.length - i === 1 && s[i] === "0" ? 0 : undefined;
  const digits = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : radix === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(body)) return undefined;
  const prefix = radix === 16 ? "0x" : radix === 8 ? "0o" : radix === 2 ? "0b" : "";
  let big = BigInt(prefix + body);
  if (neg) big = -big;
  if (big < INT64_MIN || big > UINT64_MAX || (neg && big > INT64_MAX)) return undefined;
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

function goParseFloat(s: string): number | undefined {
  if (!/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return undefined;
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined;
}

/**
 * The timestamp forms go-yaml accepts (`2006-1-2`, `2006-1-2T15:4:5Z07:00`, …), rendered the
 * way encoding/json prints a time.Time (RFC 3339 with nanoseconds trimmed).
 */
export function parseTimestamp(s: string): string | undefined {
  if (!/^[0-9]{4}-/.test(s)) return undefined;
  const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.([0-9]{1,9}))?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, sep, h, mi, se, frac, zone] = m;
  if (sep !== undefined && sep !== " " && zone === undefined) return undefined;
  if (sep === " " && zone !== undefined) return undefined;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(Number(y), month)) return undefined;
  if (sep !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59)) return undefined;
  const p2 = (v: string | undefined) => (v ?? "0").padStart(2, "0");
  let out = `${y}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(se)}`;
  const f = (frac ?? "").replace(/0+$/, "");
  if (f) out += `.${f}`;
  out += zone === undefined || zone === "Z" || zone === "+00:00" ? "Z" : zone;
  return out;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
