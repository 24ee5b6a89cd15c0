/** Resource files: multi-document YAML or JSON; `*List` kinds are flattened; every document must be a Kubernetes object. */
import { InputError } from "../util/errors";
import { isObj, metadataOf, type KObject } from "./kobject";
import { Resource } from "./resource";
import { readYamlStream } from "./yaml/read";

export function resourcesFromText(text: string, file: string): Resource[] {
  const out: Resource[] = [];
  const docs = readYamlStream(text, file);
  docs.forEach((doc, i) => {
    const where = { file, line: doc.line };
    const v = doc.value;
    if (v === null || v === undefined) return;
    if (!isObj(v)) throw new InputError({ ...where, path: `document ${i + 1}`, message: `expected a Kubernetes object (a mapping with apiVersion, kind and metadata.name), got ${Array.isArray(v) ? "a list" : JSON.stringify(v)}` });
    if (Object.keys(v).length === 0) return;
    if (typeof v.kind === "string" && v.kind.endsWith("List") && Array.isArray(v.items)) {
      v.items.forEach((item, j) => out.push(checked(item, file, `document ${i + 1}: items[${j}]`, doc.line)));
      return;
    }
    out.push(checked(v, file, `document ${i + 1}`, doc.line));
  });
  return out;
}

export function checked(v: unknown, file: string, path: string, line?: number): Resource {
  const where = { file, path, ...(line !== undefined ? { line } : {}) };
  if (!isObj(v)) throw new InputError({ ...where, message: "expected a Kubernetes object (a mapping with apiVersion, kind and metadata.name)" });
  const missing: string[] = [];
  if (typeof v.apiVersion !== "string" || v.apiVersion === "") missing.push("apiVersion");
  if (typeof v.kind !== "string" || v.kind === "") missing.push("kind");
  const meta = v.metadata;
  if (!isObj(meta) || meta.name === undefined || meta.name === null || meta.name === "") missing.push("metadata.name");
  else if (typeof meta.name === "object") {
    // kustomize reads such an object as nameless too; say what is there.
    throw new InputError({ ...where, message: `metadata.name: expected a string, got ${Array.isArray(meta.name) ? "a list" : "a mapping"}` });
  }
  if (missing.length > 0) {
    throw new InputError({ ...where, message: `not a Kubernetes object: missing ${missing.join(", ")} (every resource needs apiVersion, kind and metadata.name)` });
  }
  const name = metadataOf(v as KObject).name;
  if (typeof name !== "string") metadataOf(v as KObject).name = String(name);
  return new Resource(v as KObject, file);
}
