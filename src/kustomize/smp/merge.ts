/**
 * Strategic merge patch as kustomize applies it (kyaml merge2 with "prepend" list direction):
 * maps merge key by key, a patch `null` deletes, `$patch: delete|replace` directives, lists with
 * a schema merge key merge element by element — patch elements first, then the remaining base
 * elements — and every other list is replaced by the patch. The destination is changed in place.
 */
import { InputError } from "../../util/errors";
import { isObj, scalarText } from "../kobject";
import { resolvePlain } from "../yaml/scalar";
import { listDirective, mapDirective } from "./directive";
import type { SchemaNode } from "./schema";

/** Returned when the merged field must be removed. */
export const CLEAR: unique symbol = Symbol("clear");
type Result = unknown | typeof CLEAR;

export function mergePatch(dest: unknown, patch: unknown, schema: SchemaNode | undefined, path: string[] = []): Result {
  return walk(dest, patch, schema, path);
}

function kindOf(v: unknown): "map" | "seq" | "scalar" | "none" {
  if (v === undefined || v === null) return "none";
  if (Array.isArray(v)) return "seq";
  if (typeof v === "object") return "map";
  return "scalar";
}

function walk(dest: unknown, patch: unknown, schema: SchemaNode | undefined, path: string[]): Result {
  const dk = kindOf(dest);
  const kind = dk !== "none" ? dk : kindOf(patch);
  const pk = kindOf(patch);
  if (pk !== "none" && dk !== "none" && pk !== dk) {
    throw new InputError({
      path: path.join("."),
      message: `strategic merge patch: the patch has ${article(pk)} where the resource has ${article(dk)}`,
    });
  }
  switch (kind) {
    case "map":
    case "none":
      return walkMap(dest, patch, schema, path);
    case "seq":
      if (schema?.mergeKeys) return walkAssociative(dest as unknown[] | null | undefined, patch as unknown[] | null | undefined, schema, path);
      if (patch === null) return CLEAR;
      return patch !== undefined ? patch : dest;
    default:
      if (patch === null) return CLEAR;
      return patch !== undefined ? patch : dest;
  }
}

function article(k: string): string {
  return k === "map" ? "a mapping" : k === "seq" ? "a list" : "a scalar";
}

function walkMap(dest: unknown, patch: unknown, schema: SchemaNode | undefined, path: string[]): Result {
  let target: Record<string, unknown>;
  if (dest === undefined || dest === null) {
    if (patch === undefined) return dest;
    if (patch === null) return CLEAR;
    if (!isObj(patch)) return patch;
    if (mapDirective(patch) === "delete") return CLEAR;
    target = patch;
  } else {
    if (patch === null) return CLEAR;
    if (patch === undefined) return dest;
    const d = mapDirective(patch as Record<string, unknown>);
    if (d === "delete") return CLEAR;
    target = d === "replace" ? (patch as Record<string, unknown>) : (dest as Record<string, unknown>);
  }
  const p = patch as Record<string, unknown>;
  const keys = new Set([...Object.keys(target), ...Object.keys(p)]);
  for (const key of keys) {
    const pv = p[key];
    const dv = target[key];
    if (pv === undefined && target !== p) continue;
    const sub = schema?.fields?.[key];
    const r = walk(dv, target === p ? pv : pv, sub, [...path, key]);
    if (r === CLEAR || r === undefined || (r === null && pv === null)) delete target[key];
    else target[key] = r;
  }
  return target;
}

/** kyaml walkAssociativeSequence + setAssociativeSequenceElements, prepend direction. */
function walkAssociative(dest: unknown[] | null | undefined, patch: unknown[] | null | undefined, schema: SchemaNode, path: string[]): Result {
  let d: unknown[];
  if (dest === undefined || dest === null) {
    if (patch === undefined || patch === null) return patch === null ? CLEAR : dest;
    d = patch;
  } else {
    if (patch === null) return CLEAR;
    if (patch === undefined) return dest;
    const dir = listDirective(patch);
    if (dir === "delete") return CLEAR;
    d = dir === "replace" ? patch : dest;
  }
  const p = patch;
  const keys = schema.mergeKeys ?? [];
  const item = schema.items;
  if (keys.length > 0) {
    const values = elementValues([p, d], keys);
    return setElements(values, keys, d, p, item, path);
  }
  const prim: string[][] = [];
  const seen = new Set<string>();
  for (const src of [p, d]) {
    for (const el of src) {
      const t = scalarText(el);
      if (seen.has(t)) continue;
      seen.add(t);
      prim.push([t]);
    }
  }
  return setElements(prim, [""], d, p, item, path);
}

function elementValues(sources: unknown[][], keys: readonly string[]): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const src of sources) {
    for (const el of src) {
      const vals = keys.map((k) => (isObj(el) && el[k] !== undefined && el[k] !== null ? scalarText(el[k]) : ""));
      const id = JSON.stringify(vals);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(vals);
    }
  }
  return out;
}

function setElements(valuesList: string[][], keys: readonly string[], dest: unknown[], patch: unknown[], item: SchemaNode | undefined, path: string[]): Result {
  let items: unknown[] = [];
  let d = dest;
  if (keys.length > 1) valuesList = mergeValues(valuesList);
  let validKeys: string[] = [...keys];
  for (const values of valuesList) {
    if (values.length === 0) continue;
    let validValues: string[];
    [validKeys, validValues] = validateKeys(valuesList, values, keys);
    const [k2, v2] = validateKeys([validValues], validValues, validKeys);
    const de = elementList(d, k2, v2);
    const pe = d === patch ? de : elementList(patch, k2, v2);
    let val = walk(de, pe, item, path);
    let exit = false;
    for (let i = 0; i < validKeys.length; i++) {
      const key = validKeys[i]!;
      if (val === CLEAR || val === null || val === undefined || (isObj(val) && Object.keys(val).length === 0)) {
        d = elementSetter(d, undefined, validKeys, validValues);
        exit = true;
      } else if (key !== "" && isObj(val) && val[key] === undefined && validValues[i] !== "") {
        val[key] = resolvePlain(validValues[i]!).value;
      }
    }
    if (exit) continue;
    if (val === CLEAR) val = null;
    items = elementSetter(items, val, validKeys, validValues);
  }
  if (valuesList.length > 0) d = appendListNode(items, d, validKeys);
  return d;
}

function mergeValues(list: string[][]): string[][] {
  for (let i = 0; i < list.length; i++) {
    for (let j = 0; j < list.length; j++) {
      const m = match(list[i]!, list[j]!);
      if (m) {
        list[i] = m;
        list[j] = m;
      }
    }
  }
  return list;
}

function match(a: string[], b: string[]): string[] | undefined {
  if (a.length !== b.length) return undefined;
  let common = false;
  const res: string[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) {
      common = true;
      res.push(a[i]!);
      continue;
    }
    if (a[i] !== "" && b[i] !== "") return undefined;
    res.push(a[i] !== "" ? a[i]! : b[i]!);
  }
  return common ? res : undefined;
}

function validateKeys(valuesList: string[][], values: string[], keys: readonly string[]): [string[], string[]] {
  const valid = new Set<string>();
  for (const vs of valuesList) vs.forEach((v, i) => v !== "" && valid.add(keys[i]!));
  if (valid.size === 0) return [[...keys], values];
  const vk = keys.filter((k) => valid.has(k));
  const vv = values.filter((v, i) => v !== "" || valid.has(keys[i]!));
  return [vk, vv];
}

/** The first element matching every key/value (kyaml ElementMatcher). */
function elementList(list: unknown[], keys: string[], values: string[]): unknown {
  if (keys.length === 0 || keys[0] === "") {
    const v = values[0] ?? "";
    return list.find((el) => !isObj(el) && !Array.isArray(el) && scalarText(el) === v);
  }
  return list.find((el) => isObj(el) && keys.every((k, i) => k in el && scalarText(el[k]) === (values[i] ?? "")));
}

/** kyaml ElementSetter: replace, delete (element undefined) or append the element matching the keys. */
function elementSetter(list: unknown[], element: unknown, keys: string[], values: string[]): unknown[] {
  if (keys.length === 0) keys = [""];
  const mappingSetter = keys[0] !== "";
  const out: unknown[] = [];
  let matched = false;
  for (const el of list) {
    if (el === null || el === undefined || (isObj(el) && Object.keys(el).length === 0)) continue;
    if (!isObj(el) && mappingSetter) {
      out.push(el);
      continue;
    }
    let found = keys.length > 0;
    let val = false;
    for (let j = 0; j < keys.length; j++) {
      if (j < values.length) val = fieldMatches(el, keys[j]!, values[j]!);
      if (!val) {
        found = false;
        break;
      }
    }
    if (!found) {
      if (values.length > 0) out.push(el);
      continue;
    }
    matched = true;
    if (element === undefined) continue;
    out.push(element);
  }
  if (element === undefined || element === null) return out;
  if (!matched) out.push(element);
  return out;
}

function fieldMatches(el: unknown, key: string, value: string): boolean {
  if (key === "") return !isObj(el) && !Array.isArray(el) && scalarText(el) === value;
  if (!isObj(el) || !(key in el)) return false;
  return value === "" || scalarText(el[key]) === value;
}

function appendListNode(dst: unknown[], src: unknown[], keys: string[]): unknown[] {
  for (const el of src) {
    if (keys[0] === "" || keys.length === 0) {
      dst = elementSetter(dst, el, [""], [scalarText(el)]);
      continue;
    }
    const v: string[] = [];
    for (const key of keys) {
      const vn = isObj(el) ? el[key] : undefined;
      if (vn === undefined) {
        dst.push(el);
        continue;
      }
      v.push(scalarText(vn));
    }
    if (keys.length > 1) dst = elementSetter(dst, undefined, keys, v);
    dst = elementSetter(dst, el, keys, v);
  }
  return dst;
}
