/**
 * Property paths of a diff, kept as segments and printed three ways:
 * - readable: `spec.template.spec.containers[name=web].image`, list items matched by name;
 * - Pulumi: `spec.template.spec.containers[1].image`, what `pulumi preview --json` prints;
 * - wire: how plan-resources.ts names secret paths (`a.b[0]`, keys unquoted), to find fingerprints.
 */

/** A list item matched by one of its fields (`[name=web]`), at `index` in its list. */
export interface NamedItem {
  readonly field: string;
  readonly value: string | number;
  readonly index: number;
}

export type Seg = string | number | NamedItem;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

function key(k: string, first: boolean): string {
  if (IDENT.test(k)) return first ? k : `.${k}`;
  return `[${JSON.stringify(k)}]`;
}

export function readablePath(segs: readonly Seg[]): string {
  let out = "";
  segs.forEach((s, i) => {
    if (typeof s === "string") out += key(s, i === 0);
    else if (typeof s === "number") out += `[${s}]`;
    else out += `[${s.field}=${s.value}]`;
  });
  return out;
}

export function pulumiPath(segs: readonly Seg[]): string {
  let out = "";
  segs.forEach((s, i) => {
    if (typeof s === "string") out += key(s, i === 0);
    else out += `[${typeof s === "number" ? s : s.index}]`;
  });
  return out;
}

export function wirePath(segs: readonly (string | number)[]): string {
  let out = "";
  for (const s of segs) out += typeof s === "number" ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

/** Segments with list positions as `*`, to match force-new rules. */
export function schemaSegments(segs: readonly Seg[]): string[] {
  return segs.map((s) => (typeof s === "string" ? s : "*"));
}

/** `spec.containers[*].image` → ["spec", "containers", "*", "image"]. */
export function parseRulePath(path: string): string[] {
  return path.split(/\.|(?=\[)/).map((s) => (s === "[*]" ? "*" : s));
}
