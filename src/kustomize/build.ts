/**
 * The build of a kustomization directory, in kustomize's order: resources (files and nested
 * kustomizations), generators, components, then the transformers in their fixed order; at the
 * top level only, hash suffixes, name-reference fixing, local-config removal and sorting.
 */
import * as path from "node:path";
import { InputError } from "../util/errors";
import { runGenerators } from "./generators/generate";
import { hashSuffix } from "./hash";
import { clone, metadataOf, setStringMap, stringMap, type KObject } from "./kobject";
import { loadKustomizationFile, type Kustomization } from "./kustomization-file";
import { findKustomizationFile, Loader } from "./loader";
import { fixNameReferences } from "./name-reference";
import { checked, resourcesFromText } from "./resource-file";
import { ResMap } from "./resmap";
import { legacySort } from "./sort";
import { TRANSFORMERS } from "./transformers/index";

export interface BuildOptions {
  /** Objects accumulated first by the ROOT kustomization, before its own `resources`. */
  readonly injected?: readonly KObject[];
  /** How file paths are shown in messages (e.g. relative to the project root). */
  readonly displayPath?: (abs: string) => string;
}

const REMOTE = /^(https?:\/\/|git@|ssh:\/\/|git::|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/;

export function buildKustomization(dir: string, opts: BuildOptions = {}): KObject[] {
  const show = opts.displayPath ?? ((abs: string) => path.relative(process.cwd(), abs) || ".");
  const root = path.resolve(dir);
  const injected = (opts.injected ?? []).map((o, i) => checked(clone(o), "(injected)", `[${i}]`));
  const state = { stack: [] as string[], show };
  const { resmap, k } = accumulate(root, new ResMap(), false, state, injected);
  for (const res of resmap.list) {
    if (!res.needsHash) continue;
    res.storePreviousId();
    const meta = metadataOf(res.obj, true);
    meta.name = `${String(meta.name)}-${hashSuffix(res.obj)}`;
  }
  fixNameReferences(resmap.list);
  let list = resmap.list.filter((r) => stringMap(r.obj, "annotations")["config.kubernetes.io/local-config"] !== "true");
  const order = k.sortOptions?.order ?? "legacy";
  if (order === "legacy") list = legacySort(list, k.sortOptions?.legacySortOptions?.orderFirst, k.sortOptions?.legacySortOptions?.orderLast);
  return list.map((r) => {
    const a = metadataOf(r.obj).annotations;
    if (a && typeof a === "object" && Object.keys(a).length > 0) setStringMap(r.obj, "annotations", stringMap(r.obj, "annotations"));
    return r.obj;
  });
}

interface State {
  readonly stack: string[];
  readonly show: (abs: string) => string;
}

function accumulate(dir: string, ra: ResMap, isComponent: boolean, state: State, injected: ReturnType<typeof checked>[] = []): { resmap: ResMap; k: Kustomization } {
  const file = findKustomizationFile(dir, state.show);
  if (state.stack.includes(dir)) {
    throw new InputError({ file: state.show(file), message: `cycle: ${[...state.stack, dir].map(state.show).join(" → ")}` });
  }
  state.stack.push(dir);
  const kust = loadKustomizationFile(file, state.show(file));
  const k = kust.k;
  const kind = k.kind ?? "Kustomization";
  if (isComponent && kind !== "Component") throw new InputError({ ...kust.at(["kind"]), file: kust.yaml.file, message: `expected kind 'Component' for a component, got '${kind}'` });
  if (!isComponent && kind === "Component") throw new InputError({ ...kust.at(["kind"]), file: kust.yaml.file, message: "a Component can only be used under `components:`, not as a resource or a build root" });
  const loader = new Loader(dir, state.show);
  ra.appendAll(injected, kust.yaml.file);
  const entries: [string, string, number][] = [...(k.resources ?? []).map((r, i) => ["resources", r, i] as [string, string, number]), ...(k.bases ?? []).map((r, i) => ["bases", r, i] as [string, string, number])];
  for (const [field, entry, i] of entries) {
    const where = kust.at([field, i]);
    if (REMOTE.test(entry) || entry.includes("?ref=")) throw new InputError({ ...where, message: `remote resource ${JSON.stringify(entry)} is not supported by stackplan; vendor it into the repository` });
    const kindOf = loader.kind(entry);
    if (kindOf === "missing") throw new InputError({ ...where, message: `${JSON.stringify(entry)}: no such file or directory (${state.show(loader.abs(entry))})` });
    if (kindOf === "file") {
      const text = loader.readFile(entry, where).toString("utf8");
      ra.appendAll(resourcesFromText(text, state.show(loader.abs(entry))), kust.yaml.file);
    } else {
      const sub = accumulate(loader.abs(entry), new ResMap(), false, state);
      ra.appendAll(sub.resmap.list, kust.yaml.file);
    }
  }
  runGenerators(kust, loader, ra);
  (k.components ?? []).forEach((entry, i) => {
    const where = kust.at(["components", i]);
    if (loader.kind(entry) !== "dir") throw new InputError({ ...where, message: `component ${JSON.stringify(entry)} must be a directory holding a kustomization.yaml of kind Component` });
    accumulate(loader.abs(entry), ra, true, state);
  });
  const ctx = { kust, loader, resmap: ra };
  for (const [, t] of TRANSFORMERS) t(ctx);
  state.stack.pop();
  return { resmap: ra, k };
}
