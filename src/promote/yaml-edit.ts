/**
 * Surgical edits of a YAML file: set the values at some paths and leave every other byte as it
 * was — comments, blank lines, flow or block style, quoting. `promote` edits overlay files that
 * people maintain by hand; a reformatting round trip would bury the change in noise.
 */
import { isMap, isScalar, parseDocument, type Document, type Node, type YAMLMap } from "yaml";
import { formatPath } from "../util/errors";

type Seg = string;
export type PinValue = string | number | boolean | null;

export interface YamlEdit {
  readonly path: readonly Seg[];
  readonly value: PinValue;
}

/** Apply edits one after the other (each re-parses: files are small, edits few). */
export function applyYamlEdits(text: string, edits: readonly YamlEdit[]): string {
  return edits.reduce((t, e) => setYamlValue(t, e.path, e.value), text);
}

export function setYamlValue(text: string, path: readonly Seg[], value: PinValue): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`cannot edit invalid YAML: ${doc.errors[0]!.message}`);
  const existing = doc.getIn(path, true) as Node | undefined;
  if (existing !== undefined) {
    if (!isScalar(existing)) throw new Error(`${formatPath(path)} holds a ${isMap(existing) ? "mapping" : "list"}, not a value`);
    const [start, end] = existing.range!;
    const quoted = existing.type === "QUOTE_DOUBLE" || existing.type === "QUOTE_SINGLE";
    return text.slice(0, start) + scalarText(value, quoted) + text.slice(end);
  }
  // Find the deepest mapping that exists along the path and add the rest under it.
  let depth = path.length - 1;
  let parent: unknown;
  for (; depth >= 0; depth--) {
    parent = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (parent !== undefined && parent !== null) break;
  }
  if ((parent === null || parent === undefined) && depth <= 0) {
    // An empty file: the whole path is new.
    return insertBlock(text, text.length, "", path, value);
  }
  if (!isMap(parent)) {
    const where = depth <= 0 ? "the document" : formatPath(path.slice(0, depth));
    throw new Error(`cannot add ${formatPath(path)}: ${where} is not a mapping`);
  }
  const rest = path.slice(Math.max(depth, 0));
  return parent.flow ? insertIntoFlowMap(text, parent, rest, value) : insertIntoBlockMap(text, doc, parent, rest, value);
}

function insertIntoBlockMap(text: string, doc: Document, map: YAMLMap, rest: readonly Seg[], value: PinValue): string {
  const first = map.items[0]?.key as Node | undefined;
  let indent: string;
  let at: number;
  if (first?.range) {
    const lineStart = text.lastIndexOf("\n", first.range[0] - 1) + 1;
    indent = text.slice(lineStart, first.range[0]);
    at = map.range![1];
  } else {
    // A block mapping always has a first key; keep a safe fallback for odd documents.
    void doc;
    indent = "";
    at = text.length;
  }
  return insertBlock(text, at, indent, rest, value);
}

/** Insert `rest` as nested block mappings at offset `at`, the first key at `indent`. */
function insertBlock(text: string, at: number, indent: string, rest: readonly Seg[], value: PinValue): string {
  let block = "";
  rest.forEach((seg, i) => {
    const pad = indent + "  ".repeat(i);
    block += i === rest.length - 1 ? `${pad}${keyText(seg)}: ${scalarText(value, false)}\n` : `${pad}${keyText(seg)}:\n`;
  });
  const needsNewline = at > 0 && text[at - 1] !== "\n";
  return text.slice(0, at) + (needsNewline ? "\n" : "") + block + text.slice(at);
}

function insertIntoFlowMap(text: string, map: YAMLMap, rest: readonly Seg[], value: PinValue): string {
  const end = map.range![1];
  const close = text.lastIndexOf("}", end - 1);
  let nested = scalarText(value, false);
  for (let i = rest.length - 1; i >= 1; i--) nested = `{ ${keyText(rest[i]!)}: ${nested} }`;
  const entry = `${keyText(rest[0]!)}: ${nested}`;
  if (map.items.length === 0) return `${text.slice(0, close)}${text.slice(close - 1, close) === "{" ? ` ${entry} ` : entry}${text.slice(close)}`;
  let insertAt = close;
  while (insertAt > 0 && text[insertAt - 1] === " ") insertAt--;
  return `${text.slice(0, insertAt)}, ${entry}${text.slice(insertAt)}`;
}

const PLAIN_SAFE = /^[A-Za-z0-9][A-Za-z0-9._/@+-]*$/;

/** A scalar as YAML text that reads back as exactly `value`, valid in block and flow context. */
export function scalarText(value: PinValue, preferQuotes: boolean): string {
  if (value === null) return "null";
  if (typeof value !== "string") return String(value);
  if (!preferQuotes && PLAIN_SAFE.test(value) && readsBackAsString(value)) return value;
  return JSON.stringify(value);
}

function readsBackAsString(s: string): boolean {
  const doc = parseDocument(`${s}\n`, { version: "1.2" });
  const v = doc.toJS();
  // Also avoid YAML 1.1 booleans and octals that other tools (kustomize, go-yaml v2) misread.
  return v === s && !/^(y|n|yes|no|on|off|true|false)$/i.test(s) && !/^0\d+$/.test(s);
}

function keyText(key: string): string {
  return PLAIN_SAFE.test(key) && readsBackAsString(key) ? key : JSON.stringify(key);
}
