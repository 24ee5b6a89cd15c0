/**
 * Unknown fields, as `kubectl apply --validate=strict` reports them. The Kubernetes OpenAPI (and
 * so the ajv schemas of kubernetes-models) allows any extra property, so a misspelled optional
 * field in a patch (`envfrom`, `tolerration`) would pass and then be dropped or refused by the API
 * server. The field sets come from the type declarations kubernetes-models ships beside its
 * schemas: one interface per file, properties quoted one per line, references imported by name.
 * A type this reader does not understand is treated as open (no finding), never as an error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { suggest } from "../util/zod-problems";

/** A field's type: another object (its declaration file), a list or a string-keyed map of one, or a leaf. */
type FieldType = { readonly ref: string } | { readonly array: FieldType } | { readonly map: FieldType } | undefined;

interface Shape {
  readonly fields: ReadonlyMap<string, FieldType>;
}

export interface UnknownField {
  readonly path: readonly (string | number)[];
  readonly known: readonly string[];
  readonly suggestion: string | undefined;
}

const shapes = new Map<string, Shape | undefined>();
let roots: { models: string; apimachinery: string } | undefined;

function packageRoots(): { models: string; apimachinery: string } {
  if (!roots) {
    const models = path.dirname(require.resolve("kubernetes-models"));
    const apimachinery = path.dirname(require.resolve("@kubernetes-models/apimachinery", { paths: [models] }));
    roots = { models, apimachinery };
  }
  return roots;
}

/** The declaration file of a built-in kind, if kubernetes-models has one. */
export function declarationFile(apiVersion: string, kind: string): string | undefined {
  if (!/^[a-z0-9.]*\/?v\d+[a-z0-9]*$/.test(apiVersion) || !/^[A-Za-z]+$/.test(kind)) return undefined;
  const file = path.join(packageRoots().models, apiVersion, `${kind}.d.ts`);
  return fs.existsSync(file) ? file : undefined;
}

function resolveImport(spec: string, fromDir: string): string {
  const apimachinery = "@kubernetes-models/apimachinery/";
  const base = spec.startsWith(".") ? path.resolve(fromDir, spec) : spec.startsWith(apimachinery) ? path.join(packageRoots().apimachinery, spec.slice(apimachinery.length)) : "";
  return base ? `${base}.d.ts` : "";
}

function parseType(text: string, imports: ReadonlyMap<string, string>): FieldType {
  const t = text.trim();
  const list = /^Array<(.+)>$/.exec(t);
  if (list) {
    const of = parseType(list[1]!, imports);
    return of ? { array: of } : undefined;
  }
  const ref = imports.get(t);
  return ref ? { ref } : undefined;
}

function shapeOf(file: string): Shape | undefined {
  if (shapes.has(file)) return shapes.get(file);
  let shape: Shape | undefined;
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const body = /^export interface \w+(?: extends [^{]+)? \{\n([\s\S]*?)\n\}/m.exec(text)?.[1];
  if (body !== undefined) {
    const imports = new Map<string, string>();
    for (const m of text.matchAll(/^import \{ ([^}]+) \} from "([^"]+)";/gm)) {
      for (const name of m[1]!.split(",").map((s) => s.trim().split(/\s+as\s+/).pop()!)) imports.set(name, resolveImport(m[2]!, path.dirname(file)));
    }
    const fields = new Map<string, FieldType>();
    const lines = body.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const prop = /^ {4}"([^"]+)"\??: (.*)$/.exec(lines[i]!);
      if (!prop) continue;
      if (prop[2] === "{") {
        const entry = /^ {8}\[key: string\]: (.*);$/.exec(lines[i + 1] ?? "");
        const of = entry ? parseType(entry[1]!, imports) : undefined;
        fields.set(prop[1]!, of ? { map: of } : undefined);
        while (i < lines.length && lines[i] !== "    };") i++;
      } else fields.set(prop[1]!, parseType(prop[2]!.replace(/;$/, ""), imports));
    }
    shape = { fields };
  }
  shapes.set(file, shape);
  return shape;
}

function walk(value: unknown, type: FieldType, at: (string | number)[], out: UnknownField[]): void {
  if (type === undefined || value === null || typeof value !== "object") return;
  if ("array" in type) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, type.array, [...at, i], out));
    return;
  }
  if (Array.isArray(value)) return;
  const entries = Object.entries(value as Record<string, unknown>);
  if ("map" in type) {
    for (const [k, v] of entries) walk(v, type.map, [...at, k], out);
    return;
  }
  const shape = shapeOf(type.ref);
  if (!shape) return;
  const known = [...shape.fields.keys()];
  for (const [k, v] of entries) {
    if (!shape.fields.has(k)) out.push({ path: [...at, k], known, suggestion: suggest(k, known) });
    else walk(v, shape.fields.get(k), [...at, k], out);
  }
}

/** Fields of a built-in object that its kind does not have; empty when the kind is unknown. */
export function unknownFields(manifest: { apiVersion: string; kind: string }): UnknownField[] {
  const file = declarationFile(manifest.apiVersion, manifest.kind);
  const out: UnknownField[] = [];
  if (file) walk(manifest, { ref: file }, [], out);
  return out;
}
