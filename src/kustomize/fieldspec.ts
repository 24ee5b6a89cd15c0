/**
 * FieldSpecs: "which field of which kinds" a transformer touches (`spec/template/metadata/labels`
 * of `apps` `Deployment`s …). A path walks through maps; a list on the way applies the rest of
 * the path to every element; `create` makes missing fields on the way.
 */
import { isObj, type KObject } from "./kobject";
import { parseApiVersion } from "./resid";

export interface FieldSpec {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly path: string;
  readonly create?: boolean;
}

/** Called with the container and key of each field the spec reaches. */
export type FieldVisitor = (holder: Record<string, unknown> | unknown[], key: string | number) => void;

const splitCache = new Map<string, string[]>();

/** Split `a/b\/c/d` into segments; `\/` escapes a slash inside a key. */
export function splitPath(path: string): string[] {
  let segs = splitCache.get(path);
  if (!segs) {
    segs = [];
    let cur = "";
    for (let i = 0; i < path.length; i++) {
      const c = path[i]!;
      if (c === "\\" && path[i + 1] === "/") {
        cur += "/";
        i++;
      } else if (c === "/") {
        segs.push(cur);
        cur = "";
      } else cur += c;
    }
    segs.push(cur);
    splitCache.set(path, segs);
  }
  return segs;
}

export function fieldSpecMatches(fs: FieldSpec, obj: KObject): boolean {
  if (fs.kind && fs.kind !== obj.kind) return false;
  if (!fs.group && !fs.version) return true;
  const { group, version } = parseApiVersion(typeof obj.apiVersion === "string" ? obj.apiVersion : "");
  return (!fs.group || fs.group === group) && (!fs.version || fs.version === version);
}

/**
 * Visit the fields `fs` selects in `obj`. `createLeaf` makes the last field when missing
 * (with `create: true`): a scalar setter creates it itself, a map setter wants `{}`.
 */
export function visitFieldSpec(obj: KObject, fs: FieldSpec, visit: FieldVisitor, createLeaf: "scalar" | "map" = "scalar"): void {
  if (!fieldSpecMatches(fs, obj)) return;
  walk(obj, splitPath(fs.path), 0, fs.create === true, visit, createLeaf);
}

function walk(node: unknown, segs: string[], i: number, create: boolean, visit: FieldVisitor, createLeaf: "scalar" | "map"): void {
  if (Array.isArray(node)) {
    for (const el of node) walk(el, segs, i, create, visit, createLeaf);
    return;
  }
  if (!isObj(node)) return;
  let name = segs[i]!;
  const isSeq = name.endsWith("[]");
  if (isSeq) name = name.slice(0, -2);
  const last = i === segs.length - 1;
  let field = node[name];
  if (field === undefined || field === null) {
    if (!create || isSeq) {
      if (field === undefined) return;
    }
    if (create && !isSeq) {
      if (last) {
        if (createLeaf === "map") node[name] = field = {};
      } else node[name] = field = {};
    }
  }
  if (last) {
    if (isSeq) {
      if (Array.isArray(field)) for (let j = 0; j < field.length; j++) visit(field, j);
      return;
    }
    if (field === undefined && !create) return;
    visit(node, name);
    return;
  }
  if (field === undefined || field === null) return;
  walk(field, segs, i + 1, create, visit, createLeaf);
}
