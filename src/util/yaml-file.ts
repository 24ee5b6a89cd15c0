/**
 * YAML files with source positions. Every user file stackplan reads goes through here so that
 * a problem anywhere later can point at `file:line:col` and the YAML path.
 */
import * as fs from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Schema, visit, type Document, type Node } from "yaml";
import { InputError, type Problem } from "./errors";
import { parseFastYaml, type FastNode } from "./fast-yaml";

export interface YamlFile {
  /** Path as shown to the user (relative to the project root when possible). */
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The parsed value (plain JSON-like data). */
  readonly value: unknown;
  /** The file's text. */
  readonly text: string;
}

export interface Position {
  readonly line: number;
  readonly column: number;
  /** False when only a parent of the requested path exists in the file. */
  readonly exact: boolean;
}

/**
 * Parse YAML text; a syntax error becomes an InputError naming the file, line and column. Plain
 * YAML is read by the fast reader (fast-yaml.ts); the `yaml` library's Document, which positions
 * come from, is then built only when a position is asked for.
 */
export function parseYaml(text: string, file: string): YamlFile {
  const fast = fastValue(text);
  if (fast !== undefined) {
    let full: YamlFile | undefined;
    const parsed = () => (full ??= parseWithLibrary(text, file));
    return {
      file,
      value: fast.value,
      text,
      get doc() {
        return parsed().doc;
      },
      get lineCounter() {
        return parsed().lineCounter;
      },
    };
  }
  return parseWithLibrary(text, file);
}

/** The scalar tags of the YAML 1.2 core schema, in the order the library tries them. */
const CORE_TAGS = new Schema({ schema: "core" }).tags.filter((t) => t.default === true && t.test) as unknown as readonly {
  readonly test: RegExp;
  resolve(text: string, onError: (message: string) => void, options: { intAsBigInt: boolean }): unknown;
}[];

/** The value of a one-document text in fast-yaml's subset, as the library's core schema reads it. */
function fastValue(text: string): { value: unknown } | undefined {
  const docs = parseFastYaml(text);
  if (docs?.length !== 1) return undefined;
  try {
    return { value: coreValue(docs[0]!.root) };
  } catch (err) {
    if (err === NOT_FAST) return undefined;
    throw err;
  }
}

const NOT_FAST = new Error("not in fast-yaml's subset");

function coreValue(node: FastNode | null): unknown {
  if (node === null) return null;
  if (node.kind === "seq") return node.items.map(coreValue);
  if (node.kind === "scalar") return node.style === "plain" ? coreScalar(node.text) : node.text;
  const out: Record<string, unknown> = {};
  for (const [k, v] of node.pairs) {
    const key = k.style === "plain" ? coreScalar(k.text) : k.text;
    if (typeof key !== "string" || key === "__proto__") throw NOT_FAST;
    out[key] = coreValue(v);
  }
  return out;
}

function coreScalar(text: string): unknown {
  const tag = CORE_TAGS.find((t) => t.test.test(text));
  if (!tag) return text;
  const v = tag.resolve(
    text,
    () => {
      throw NOT_FAST;
    },
    { intAsBigInt: false },
  );
  return isScalar(v) ? v.value : v;
}

/** The `yaml` library's reading, which the fast reader must match (exported for its test). */
export function parseWithLibrary(text: string, file: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, version: "1.2" });
  if (doc.errors.length > 0) {
    const problems: Problem[] = doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      return {
        file,
        ...(pos ? { line: pos.line, column: pos.col } : {}),
        message: `invalid YAML: ${firstLine(e.message)}`,
      };
    });
    throw new InputError(problems.slice(0, 1));
  }
  const recursive = recursiveAlias(doc);
  if (recursive) {
    const { line, col } = lineCounter.linePos(recursive.range[0]);
    throw new InputError({ file, line, column: col, message: `invalid YAML: alias *${recursive.source} refers to a node that contains it (a recursive structure)` });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new InputError({ file, message: `invalid YAML: ${(err as Error).message}` });
  }
  return { file, doc, lineCounter, value, text };
}

/** An alias inside the node it refers to: toJS would build a cyclic value no merge survives. */
function recursiveAlias(doc: Document.Parsed): { source: string; range: [number, number, number] } | undefined {
  let found: { source: string; range: [number, number, number] } | undefined;
  visit(doc, {
    Alias(_key, alias) {
      const target = alias.resolve(doc) as Node | undefined;
      const [start, end] = target?.range ?? [0, -1];
      if (alias.range && alias.range[0] >= start && alias.range[1] <= end) {
        found = { source: alias.source, range: alias.range };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Read and parse a YAML file. `shownAs` is the name used in messages. */
export function readYamlFile(absPath: string, shownAs: string = absPath): YamlFile {
  return parseYaml(readInputFile(absPath, shownAs, { missing: "file not found", directory: "is a directory, expected a YAML file" }), shownAs);
}

/** A user's file as text; a missing file, a directory or an unreadable one is an InputError. */
export function readInputFile(absPath: string, shownAs: string, say: { readonly missing: string; readonly directory: string }): string {
  try {
    return fs.readFileSync(absPath, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? say.missing : code === "EISDIR" ? say.directory : (err as Error).message;
    throw new InputError({ file: shownAs, message: why });
  }
}

/** Line and column of the deepest node along `path` (1-based), or undefined for an empty document. */
export function locate(y: YamlFile, path: readonly (string | number)[]): Position | undefined {
  let node: unknown = y.doc.contents;
  let pos = nodeStart(node as Node | null, y.lineCounter);
  if (!pos) return undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) return { ...pos, exact: false };
      // Point at the key: that is what a reader looks for in an editor.
      pos = nodeStart(pair.key as Node, y.lineCounter) ?? pos;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number" && seg < node.items.length) {
      node = node.items[seg];
      pos = nodeStart(node as Node, y.lineCounter) ?? pos;
    } else {
      return { ...pos, exact: false };
    }
  }
  return { ...pos, exact: true };
}

function nodeStart(node: Node | null | undefined, lc: LineCounter): { line: number; column: number } | undefined {
  const offset = node && (node as { range?: [number, number, number] }).range?.[0];
  if (offset === undefined || offset === null) return undefined;
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

/** The message without the excerpt and position prettyErrors appends (we print our own). */
function firstLine(s: string): string {
  return s.split("\n")[0]!.trim().replace(/ at line \d+, column \d+:?$/, "");
}
