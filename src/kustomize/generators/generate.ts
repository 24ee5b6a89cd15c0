/** configMapGenerator and secretGenerator: build the objects, then add them (create) or merge/replace. */
import { InputError, type Problem } from "../../util/errors";
import { metadataOf, setStringMap, stringMap, type KObject } from "../kobject";
import type { GeneratorArgs, GeneratorOptions, LoadedKustomization } from "../kustomization-file";
import type { Loader } from "../loader";
import { Resource } from "../resource";
import { describeId, sameId } from "../resid";
import { NameIndex } from "../name-index";
import type { ResMap } from "../resmap";
import { keyValues } from "./key-values";

export function runGenerators(kust: LoadedKustomization, loader: Loader, resmap: ResMap): void {
  const global = kust.k.generatorOptions;
  if (!kust.k.configMapGenerator?.length && !kust.k.secretGenerator?.length) return;
  const index = new NameIndex(resmap);
  (kust.k.configMapGenerator ?? []).forEach((args, i) => absorb(resmap, make("ConfigMap", args, merged(args.options, global), loader, kust, i), args, kust.at(["configMapGenerator", i]), index));
  (kust.k.secretGenerator ?? []).forEach((args, i) => absorb(resmap, make("Secret", args, merged(args.options, global), loader, kust, i), args, kust.at(["secretGenerator", i]), index));
}

function merged(local: GeneratorOptions | undefined, global: GeneratorOptions | undefined): GeneratorOptions {
  const out: GeneratorOptions = { ...(local ?? {}) };
  if (global?.labels) out.labels = { ...global.labels, ...(local?.labels ?? {}) };
  if (global?.annotations) out.annotations = { ...global.annotations, ...(local?.annotations ?? {}) };
  if (global?.disableNameSuffixHash) out.disableNameSuffixHash = true;
  if (global?.immutable) out.immutable = true;
  return out;
}

function make(kind: "ConfigMap" | "Secret", args: GeneratorArgs, opts: GeneratorOptions, loader: Loader, kust: LoadedKustomization, i: number): Resource {
  const field = kind === "ConfigMap" ? "configMapGenerator" : "secretGenerator";
  if (!args.name) throw new InputError({ ...kust.at([field, i]), message: "a generator must have a name" });
  const obj: KObject = { apiVersion: "v1", kind, metadata: { name: args.name } };
  if (args.namespace) metadataOf(obj).namespace = args.namespace;
  if (kind === "Secret") obj.type = args.type || "Opaque";
  const data: Record<string, string> = {};
  const binary: Record<string, string> = {};
  for (const p of keyValues(args, loader, kust.at, field, i)) {
    const buf = typeof p.value === "string" ? Buffer.from(p.value, "utf8") : p.value;
    if (kind === "Secret") data[p.key] = buf.toString("base64");
    else if (isUtf8(buf)) data[p.key] = buf.toString("utf8");
    else binary[p.key] = buf.toString("base64");
  }
  if (Object.keys(data).length > 0) obj.data = data;
  if (Object.keys(binary).length > 0) obj.binaryData = binary;
  if (opts.labels && Object.keys(opts.labels).length) setStringMap(obj, "labels", { ...opts.labels });
  if (opts.annotations && Object.keys(opts.annotations).length) setStringMap(obj, "annotations", { ...opts.annotations });
  if (opts.immutable) obj.immutable = true;
  const res = new Resource(obj, `${kust.yaml.file} ${field}[${i}]`);
  res.behavior = args.behavior ?? "create";
  res.needsHash = !opts.disableNameSuffixHash;
  return res;
}

function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** resWrangler.appendReplaceOrMerge */
export function absorb(resmap: ResMap, res: Resource, args: { behavior?: string | undefined }, where: Omit<Problem, "message">, index?: NameIndex): void {
  const id = res.curId();
  const matches = (index ? index.named(id.name) : resmap.list).filter((r) => r.allIds().some((x) => sameId(x, id)));
  const behavior = res.behavior ?? "create";
  if (matches.length === 0) {
    if (behavior !== "create") throw new InputError({ ...where, message: `${describeId(id)} does not exist; cannot ${behavior} (behavior: ${args.behavior})` });
    // No resource has (or had) this id: append's duplicate check could only pass.
    resmap.list.push(res);
    index?.appended(res);
    return;
  }
  if (matches.length > 1) throw new InputError({ ...where, message: `found multiple objects that could accept the ${behavior} of ${describeId(id)}` });
  const old = matches[0]!;
  if (behavior === "create") throw new InputError({ ...where, message: `${describeId(id)} already exists; behavior must be merge or replace` });
  const obj = res.obj;
  setStringMap(obj, "labels", { ...stringMap(old.obj, "labels"), ...stringMap(obj, "labels") });
  setStringMap(obj, "annotations", { ...stringMap(old.obj, "annotations"), ...stringMap(obj, "annotations") });
  const meta = metadataOf(obj, true);
  const oldMeta = metadataOf(old.obj);
  meta.name = oldMeta.name;
  if (oldMeta.namespace) meta.namespace = oldMeta.namespace;
  else delete meta.namespace;
  if (behavior === "merge") {
    for (const field of ["data", "binaryData"] as const) {
      const m = { ...stringField(old.obj[field]), ...stringField(obj[field]) };
      if (Object.keys(m).length > 0) obj[field] = sortedMap(m);
      else delete obj[field];
    }
  }
  res.copyTrackingFrom(old);
  const i = resmap.list.indexOf(old);
  resmap.list[i] = res;
  index?.replaced(old, res);
}

function stringField(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === "object" && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) out[k] = typeof x === "string" ? x : String(x);
  return out;
}

function sortedMap(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k]!;
  return out;
}
