/** Applying one parsed patch to resources: strategic merge or JSON 6902. */
import { applyPatch, type Operation } from "fast-json-patch";
import { InputError, type Problem } from "../../util/errors";
import { clone, isObj, metadataOf, setStringMap, stringMap, type KObject } from "../kobject";
import type { Resource } from "../resource";
import { describeId, formatId, idOf, sameId, type ResId } from "../resid";
import type { NameIndex } from "../name-index";
import type { ResMap } from "../resmap";
import { CLEAR, mergePatch } from "../smp/merge";
import { schemaFor } from "../smp/schema";
import { readYamlStream } from "../yaml/read";

export type ParsedPatch = { readonly type: "smp"; readonly docs: KObject[] } | { readonly type: "json6902"; readonly ops: Operation[] };

/** What a kustomization field accepts: `patches` either kind, the deprecated fields one each. */
export type PatchKind = "any" | "smp" | "json6902";

/**
 * Content decides the type: a list of operations is JSON 6902, mappings are strategic merge
 * patches. `where` is the kustomization entry; `source` the patch file when the patch is one
 * (named in every message, and a YAML syntax error points at its own line).
 */
export function parsePatchText(text: string, where: Omit<Problem, "message">, kind: PatchKind = "any", source?: string): ParsedPatch {
  const fail = (message: string): never => {
    throw new InputError({ ...where, message: source ? `${source}: ${message}` : message });
  };
  const trimmed = text.trim();
  if (trimmed === "") fail("empty patch: expected a strategic merge patch or a JSON 6902 list of operations");
  let docs;
  try {
    // Leading blank lines stay: a syntax error's line is a line of the file.
    docs = readYamlStream(text.trimEnd(), source ?? where.file ?? "patch");
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const p = err.problems[0];
    // A patch file's syntax error is at a line of that file; an inline patch's, within the entry.
    if (source && p) throw new InputError({ ...p, message: `${p.message} (a patch named by ${where.path ?? "a patch entry"} in ${where.file})` });
    fail(`malformed patch: ${p?.message ?? err.message}`);
  }
  const values = docs!.map((d) => d.value).filter((v) => v !== null);
  if (values.length === 1 && Array.isArray(values[0])) {
    if (kind === "smp") fail("expected a strategic merge patch (a mapping), got a list; JSON 6902 patches go under patches or patchesJson6902 with a target");
    const ops = values[0] as unknown[];
    ops.forEach((op, i) => {
      if (!isObj(op) || typeof op.op !== "string" || typeof op.path !== "string") {
        fail(`malformed JSON 6902 patch: operation [${i}] needs "op" and "path", got ${JSON.stringify(op)}`);
      }
      const o = op as Record<string, unknown>;
      if (!["add", "remove", "replace", "move", "copy", "test"].includes(o.op as string)) {
        fail(`malformed JSON 6902 patch: operation [${i}] has unknown op ${JSON.stringify(o.op)}`);
      }
      if ((o.op === "move" || o.op === "copy") && typeof o.from !== "string") {
        fail(`malformed JSON 6902 patch: operation [${i}] (${o.op}) needs "from"`);
      }
      if ((o.op === "add" || o.op === "replace" || o.op === "test") && !("value" in o)) {
        fail(`malformed JSON 6902 patch: operation [${i}] (${o.op}) needs "value"`);
      }
    });
    return { type: "json6902", ops: ops as Operation[] };
  }
  if (kind === "json6902") fail("malformed JSON 6902 patch: expected a list of operations");
  if (values.length === 0 || values.some((v) => !isObj(v))) {
    fail("malformed patch: expected a strategic merge patch (a mapping) or a JSON 6902 list of operations");
  }
  return { type: "smp", docs: values as KObject[] };
}

/** Strategic merge of `patch` into the resource; a `$patch: delete` empties it. */
export function applySmp(res: Resource, patch: KObject, where: Omit<Problem, "message">, source?: string): void {
  const id = res.curId();
  const name = metadataOf(res.obj).name;
  const kind = res.obj.kind;
  const ns = metadataOf(res.obj).namespace;
  let merged;
  try {
    merged = mergePatch(res.obj, clone(patch), schemaFor(id));
  } catch (err) {
    if (err instanceof InputError) {
      const p = err.problems[0]!;
      throw new InputError({ ...where, message: `cannot apply the patch${source ? ` ${source}` : ""} to ${describeId(id)}: ${p.path ? `${p.path}: ` : ""}${p.message}` });
    }
    throw err;
  }
  if (merged === CLEAR || !isObj(merged)) {
    res.obj = {};
    return;
  }
  res.obj = merged;
  res.obj.kind = kind;
  const meta = metadataOf(res.obj, true);
  meta.name = name;
  if (ns === undefined || ns === "") delete meta.namespace;
  else meta.namespace = ns;
}

export function applyJson6902(res: Resource, ops: Operation[], where: Omit<Problem, "message">, source?: string): void {
  res.storePreviousId();
  try {
    const doc = applyPatch(res.obj, clone(ops) as Operation[], true, true, false).newDocument as unknown;
    // An operation on the whole document ("" path) may leave something that is no object at all.
    if (!isObj(doc)) throw Object.assign(new Error(`the result is ${doc === null ? "null" : Array.isArray(doc) ? "a list" : typeof doc}, not a Kubernetes object`), { name: "Result" });
    res.obj = doc;
  } catch (err) {
    const e = err as { name?: string; message?: string; index?: number; operation?: Operation };
    const op = e.operation ? ` (${e.operation.op} ${e.operation.path})` : "";
    const patch = source ? `the JSON 6902 patch ${source}` : "the JSON 6902 patch";
    throw new InputError({ ...where, message: `cannot apply ${patch} to ${describeId(res.curId())}${op}: ${(e.message ?? String(err)).split("\n")[0]}` });
  }
  setStringMap(res.obj, "annotations", stringMap(res.obj, "annotations"));
}

/** The one resource a target-less strategic merge patch addresses (by any of its ids). */
export function patchTarget(resmap: ResMap, patch: KObject, where: Omit<Problem, "message">, index?: NameIndex): Resource {
  const id: ResId = idOf(patch);
  const pool = index ? index.named(id.name) : resmap.list;
  const matches = pool.filter((r) => r.allIds().some((x) => sameId(x, id)));
  if (matches.length === 1) return matches[0]!;
  const what = matches.length === 0 ? "no matches" : "multiple matches";
  throw new InputError({
    ...where,
    message: `no resource matches strategic merge patch "${formatId(id)}": ${what} for Id ${formatId(id)}; failed to find unique target for patch ${formatId(id)}`,
  });
}
