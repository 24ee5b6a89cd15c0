/**
 * Reading resource properties, failing closed. A value the rule needs but cannot know
 * (`[unknown]`, `[secret]`, missing when required, the wrong type) throws `Unevaluable`; the
 * runners turn that into a violation naming the property, never a silent pass.
 */
import { quote } from "../../src/util/errors";
import { SECRET, UNKNOWN } from "../../src/plan/types";

export { SECRET, UNKNOWN };

export class Unevaluable extends Error {
  constructor(
    readonly path: string,
    readonly why: string,
  ) {
    super(`cannot evaluate ${path}: ${why}`);
    this.name = "Unevaluable";
  }
}

export function isPlaceholder(v: unknown): boolean {
  return v === UNKNOWN || v === SECRET;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Value at a dotted path (`spec.template.spec`); a placeholder on the way is returned as is. */
export function at(root: unknown, path: string): unknown {
  let cur: unknown = root;
  if (path === "") return cur;
  for (const seg of path.split(".")) {
    if (isPlaceholder(cur)) return cur;
    if (!isObject(cur)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

function known(v: unknown, path: string): void {
  if (v === UNKNOWN) throw new Unevaluable(path, "the value is not known before apply ([unknown])");
  if (v === SECRET) throw new Unevaluable(path, "the value is secret ([secret])");
}

/** A value that must be known if present; undefined when absent. */
export function optional(root: unknown, path: string, label = path): unknown {
  const v = at(root, path);
  known(v, label);
  return v;
}

export function optString(root: unknown, path: string, label = path): string | undefined {
  const v = optional(root, path, label);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw new Unevaluable(label, `expected a string, got ${quote(v)}`);
  return v;
}

export function reqString(root: unknown, path: string, label = path): string {
  const v = optString(root, path, label);
  if (v === undefined) throw new Unevaluable(label, "the value is missing");
  return v;
}

export function optNumber(root: unknown, path: string, label = path): number | undefined {
  const v = optional(root, path, label);
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Unevaluable(label, `expected a number, got ${quote(v)}`);
  return v;
}

export function optBool(root: unknown, path: string, label = path): boolean | undefined {
  const v = optional(root, path, label);
  if (v === undefined || v === null) return undefined;
  if (v === "true" || v === "false") return v === "true";
  if (typeof v !== "boolean") throw new Unevaluable(label, `expected a boolean, got ${quote(v)}`);
  return v;
}

export function optArray(root: unknown, path: string, label = path): unknown[] | undefined {
  const v = optional(root, path, label);
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new Unevaluable(label, `expected a list, got ${quote(v)}`);
  return v;
}

export function optObject(root: unknown, path: string, label = path): Record<string, unknown> | undefined {
  const v = optional(root, path, label);
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw new Unevaluable(label, `expected an object, got ${quote(v)}`);
  return v;
}

/** Strings of a list that must be fully known (e.g. CIDR blocks). */
export function stringList(root: unknown, path: string, label = path): string[] {
  const list = optArray(root, path, label) ?? [];
  return list.map((v, i) => {
    known(v, `${label}[${i}]`);
    if (typeof v !== "string") throw new Unevaluable(`${label}[${i}]`, `expected a string, got ${quote(v)}`);
    return v;
  });
}

/** String tags (`tags` input of AWS resources). */
export function tagsOf(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const t = props["tags"];
  known(t, "tags");
  return isObject(t) ? t : {};
}

export { quote };
