/**
 * The layers of an environment's values: `overlays/base/values.yaml`, then each layer named by
 * `extends:` (outermost first), then `overlays/<overlay>/values.yaml`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError, type Problem } from "../util/errors";
import { isPlainObject } from "../util/plain";
import { locate, parseYaml, readInputFile, type YamlFile } from "../util/yaml-file";
import { rel, type Project } from "../project/project";
import type { Values } from "./merge";

export const BASE_LAYER = "base";
const LAYER_NAME = /^[a-z0-9][a-z0-9-]*$/;

export interface ValuesLayer {
  /** Folder name under overlays/. */
  readonly name: string;
  /** The values file as shown to the user; undefined for an overlay folder without values.yaml. */
  readonly yaml: YamlFile | undefined;
  /** The layer's values without its `extends` key. */
  readonly values: Values;
  readonly extends: string | undefined;
}

export function valuesFile(project: Project, layer: string): string {
  return path.join(project.overlaysDir, layer, "values.yaml");
}

/** Resolve the chain of layers for an overlay, base first. */
export function resolveLayers(project: Project, overlay: string, referredFrom?: Problem): ValuesLayer[] {
  const chain: ValuesLayer[] = [];
  const seen: string[] = [];
  let name: string | undefined = overlay;
  // Where the current name came from, for messages only: locating `extends` needs the full
  // YAML parse that reading the values does without.
  let from = (): Problem | undefined => referredFrom;
  while (name !== undefined && name !== BASE_LAYER) {
    if (seen.includes(name)) {
      const cycle = [...seen.slice(seen.indexOf(name)), name].join(" → ");
      throw new InputError({ ...from(), message: `extends cycle: ${cycle}` });
    }
    seen.push(name);
    const layer = readLayer(project, name, from);
    chain.unshift(layer);
    const yaml = layer.yaml;
    if (layer.extends !== undefined && yaml) {
      from = () => {
        const pos = locate(yaml, ["extends"]);
        return { file: yaml.file, path: "extends", ...(pos ? { line: pos.line, column: pos.column } : {}), message: "" };
      };
    }
    name = layer.extends;
  }
  chain.unshift(readBase(project));
  return chain;
}

function readBase(project: Project): ValuesLayer {
  const abs = valuesFile(project, BASE_LAYER);
  if (!fs.existsSync(abs)) {
    throw new InputError({
      file: rel(project, abs),
      message: "missing base values: every environment starts from overlays/base/values.yaml",
    });
  }
  const layer = readLayer(project, BASE_LAYER, () => undefined);
  if (layer.extends !== undefined) {
    const pos = layer.yaml ? locate(layer.yaml, ["extends"]) : undefined;
    throw new InputError({ file: layer.yaml?.file, path: "extends", line: pos?.line, column: pos?.column, message: "the base layer cannot extend another layer" });
  }
  return layer;
}

function readLayer(project: Project, name: string, referredFrom: () => Problem | undefined): ValuesLayer {
  const where = () => {
    const from = referredFrom();
    return from ? { file: from.file, path: from.path, line: from.line, column: from.column } : {};
  };
  if (!LAYER_NAME.test(name)) {
    throw new InputError({ ...where(), message: `invalid layer name ${JSON.stringify(name)}: expected a folder name under overlays/ (lowercase, digits, -)` });
  }
  const dir = path.join(project.overlaysDir, name);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new InputError({ ...where(), message: `unknown layer ${JSON.stringify(name)}: ${rel(project, dir)}/ does not exist` });
  }
  const abs = valuesFile(project, name);
  if (!fs.existsSync(abs)) return { name, yaml: undefined, values: {}, extends: undefined };
  const yaml = parsedLayerFile(abs, rel(project, abs));
  const raw = yaml.value ?? {};
  if (!isPlainObject(raw)) {
    throw new InputError({ file: yaml.file, line: 1, message: `expected a mapping of values at the top level, got ${Array.isArray(raw) ? "a list" : typeof raw}` });
  }
  const { extends: ext, ...values } = raw;
  if (ext !== undefined && typeof ext !== "string") {
    const pos = locate(yaml, ["extends"]);
    throw new InputError({ file: yaml.file, path: "extends", line: pos?.line, column: pos?.column, message: `expected the name of a layer under overlays/, got ${JSON.stringify(ext)}` });
  }
  return { name, yaml, values, extends: ext };
}

/**
 * The last parse of each values file, reused while its text is the same: envs share their lower
 * layers (`base` under every env), and `render --all` reads every env's chain in one process.
 * The parsed values are never changed (merging copies what it changes).
 */
const parsedLayers = new Map<string, { readonly text: string; readonly yaml: YamlFile }>();

function parsedLayerFile(abs: string, shownAs: string): YamlFile {
  const text = readInputFile(abs, shownAs, { missing: "file not found", directory: "is a directory, expected a YAML file" });
  const last = parsedLayers.get(abs);
  if (last && last.text === text && last.yaml.file === shownAs) return last.yaml;
  const yaml = parseYaml(text, shownAs);
  parsedLayers.set(abs, { text, yaml });
  return yaml;
}
