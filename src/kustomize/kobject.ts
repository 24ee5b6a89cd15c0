/** A Kubernetes object as plain data (what YAML parses into). */
export type KObject = Record<string, unknown>;

export function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Deep copy of plain data (faster than structuredClone for small JSON-like trees). */
export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as unknown as T;
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k in v as Record<string, unknown>) out[k] = clone((v as Record<string, unknown>)[k]);
    return out as T;
  }
  return v;
}

export function metadataOf(obj: KObject, create = false): Record<string, unknown> {
  let meta = obj.metadata;
  if (!isObj(meta)) {
    meta = {};
    if (create) obj.metadata = meta;
  }
  return meta as Record<string, unknown>;
}

/** The text kustomize sees for a scalar (go-yaml node Value). */
export function scalarText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  return "";
}

/** metadata.labels / annotations as a string map (kustomize's GetLabels). */
export function stringMap(obj: KObject, field: "labels" | "annotations"): Record<string, string> {
  const m = metadataOf(obj)[field];
  const out: Record<string, string> = {};
  if (isObj(m)) for (const k of Object.keys(m)) out[k] = scalarText(m[k]);
  return out;
}

/** kustomize's SetLabels / SetAnnotations: values become strings; an empty map removes the field. */
export function setStringMap(obj: KObject, field: "labels" | "annotations", m: Record<string, string>): void {
  const meta = metadataOf(obj, true);
  const keys = Object.keys(m);
  if (keys.length === 0) {
    delete meta[field];
    return;
  }
  const out: Record<string, string> = {};
  for (const k of keys.sort()) out[k] = m[k]!;
  meta[field] = out;
}
