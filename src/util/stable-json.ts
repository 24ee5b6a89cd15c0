/**
 * Deterministic JSON: object keys sorted by code point, two-space indent, a final newline.
 * Every file stackplan writes for machines goes through here so bytes never depend on
 * insertion order.
 */
export function stableStringify(value: unknown, indent = 2): string {
  return `${JSON.stringify(sortedOrSame(value), null, indent)}\n`;
}

/**
 * `sortKeysDeep(value)` without copying what is already in order: a plan is mostly built sorted,
 * and copying all of it before printing was a plan's worth of garbage. Only for printing: the
 * result may be `value` itself.
 */
function sortedOrSame(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = sortedOrSame(value[i]);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return sortKeysDeep(value);
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  let same = true;
  for (let i = 0; i < keys.length && same; i++) {
    const v = obj[keys[i]!];
    same = v !== undefined && (i === 0 || compareStrings(keys[i - 1]!, keys[i]!) < 0) && sortedOrSame(v) === v;
  }
  if (same) return obj;
  const out: Record<string, unknown> = {};
  for (const key of keys.sort(compareStrings)) {
    const v = obj[key];
    if (v !== undefined) out[key] = sortedOrSame(v);
  }
  return out;
}

export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => sortKeysDeep(v)) as unknown as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort(compareStrings)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeysDeep(v);
    }
    return out as T;
  }
  return value;
}

/** Locale-independent string order (code units), so TZ/LANG never change output. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
