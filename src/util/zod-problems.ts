/**
 * Turn zod issues into Problems that name the file, the YAML path and the line, quote the
 * offending value and say what was expected. A typo'd key gets a "did you mean" from the keys
 * the schema knows at that place.
 */
import type { z } from "zod";
import { formatPath, quote, type Problem } from "./errors";
import { getAt } from "./plain";
import { locate, type YamlFile } from "./yaml-file";

type Seg = string | number;

/** Where a path of the validated data came from: one file, or the first layer that has it. */
export type Locator = (path: readonly Seg[]) => { file: string; line?: number; column?: number } | undefined;

export function yamlLocator(y: YamlFile): Locator {
  return (path) => {
    const pos = locate(y, path);
    return { file: y.file, ...(pos ? { line: pos.line, column: pos.column } : {}) };
  };
}

export function zodProblems(
  error: z.ZodError,
  source: YamlFile | Locator,
  data?: unknown,
  schema?: z.ZodType,
): Problem[] {
  const locator = typeof source === "function" ? source : yamlLocator(source);
  const value = data ?? (typeof source === "function" ? undefined : source.value);
  const problems: Problem[] = [];
  for (const issue of flatten(error.issues as unknown as Issue[])) {
    const path = issue.path.filter((s): s is Seg => typeof s === "string" || typeof s === "number");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys ?? []) {
        const keyPath = [...path, key];
        const known = schema ? knownKeys(schema, path) : [];
        const hint = suggest(key, known);
        problems.push({
          ...locator(keyPath),
          path: formatPath(keyPath),
          message: `unknown key ${JSON.stringify(key)}${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : known.length ? `; expected one of: ${known.join(", ")}` : ""}`,
        });
      }
      continue;
    }
    const at = getAt(value, path);
    const message = path.length === 0 && (at === null || at === undefined) && issue.code === "invalid_type" ? `the file is empty; expected ${article(issue.expected)}` : describe(issue, at, path.length > 0 || value !== undefined);
    problems.push({ ...locator(path), path: formatPath(path), message });
  }
  return dedupe(problems);
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  keys?: string[];
  values?: unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  errors?: Issue[][];
  format?: string;
}

/** A union failure is reported as the branch that got furthest, which is what the user meant. */
function flatten(issues: Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    if (issue.code === "invalid_union" && issue.errors && issue.errors.length > 0 && !issue.message.startsWith("expected")) {
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
      const deeper = best.filter((i) => i.path.length > 0 || i.code !== "invalid_type");
      if (deeper.length > 0 && depth(best) > 0) {
        out.push(...flatten(deeper.map((i) => ({ ...i, path: [...issue.path, ...i.path] }))));
        continue;
      }
    }
    out.push(issue);
  }
  return out;
}

function depth(issues: Issue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

function describe(issue: Issue, value: unknown, present: boolean): string {
  const got = value === undefined ? (present ? "nothing" : "nothing") : quote(value);
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined) return `required: expected ${article(issue.expected)}`;
      return value === null ? `expected ${article(issue.expected)}, got null` : `expected ${article(issue.expected)}, got ${typeName(value)} ${got}`;
    case "invalid_value":
      return `expected one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}; got ${got}`;
    case "too_small":
    case "too_big":
    case "invalid_format":
    case "not_multiple_of":
    case "custom":
    default: {
      const msg = issue.message.startsWith("Too small") || issue.message.startsWith("Too big") || issue.message.startsWith("Invalid")
        ? issue.message.replace(/^Too small: expected /, "expected ").replace(/^Too big: expected /, "expected ")
        : issue.message;
      return value === undefined || issue.code === "custom" ? msg : `${msg}, got ${got}`;
    }
  }
}

function article(t: string | undefined): string {
  if (!t) return "a value";
  if (t === "object" || t === "record") return "a mapping";
  if (t === "array") return "a list";
  if (t === "int") return "an integer";
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `a ${typeof v}`;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.file}|${p.path}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Keys an object schema allows at `path` (records and arrays are walked through). */
export function knownKeys(schema: z.ZodType, path: readonly Seg[]): string[] {
  let cur: unknown = schema;
  for (const seg of path) {
    cur = unwrap(cur);
    const def = defOf(cur);
    if (!def) return [];
    if (def.type === "object") cur = (def.shape as Record<string, unknown>)[String(seg)];
    else if (def.type === "record") cur = def.valueType;
    else if (def.type === "array") cur = def.element;
    else return [];
  }
  const def = defOf(unwrap(cur));
  return def?.type === "object" ? Object.keys(def.shape as object) : [];
}

function unwrap(s: unknown): unknown {
  let cur = s;
  for (let i = 0; i < 20; i++) {
    const def = defOf(cur);
    if (!def) return cur;
    if (["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"].includes(def.type as string)) cur = def.innerType;
    else if (def.type === "pipe") cur = def.in;
    else if (def.type === "lazy") cur = (def.getter as () => unknown)();
    else return cur;
  }
  return cur;
}

function defOf(s: unknown): Record<string, unknown> | undefined {
  return (s as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
}

/** The known key closest to `key` by edit distance, if it is plausibly a typo. */
export function suggest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
