/**
 * Read YAML streams into plain values the way kustomize sees them: go-yaml v3 decoding (YAML 1.2
 * booleans, Go integer syntax, timestamps as RFC 3339 strings), duplicate keys refused, `<<`
 * merge keys honoured, aliases expanded. Numbers beyond 2^53 stay exact as bigints.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from "yaml";
import { InputError } from "../../util/errors";
import { parseFastYaml, type FastNode } from "../../util/fast-yaml";
import { setKey } from "../../util/plain";
import { resolvePlain } from "./scalar";

export interface YamlDoc {
  readonly value: unknown;
  /** 1-based line where the document starts. */
  readonly line: number;
}

export function readYamlStream(text: string, file: string): YamlDoc[] {
  return fastStream(text) ?? libraryStream(text, file);
}

/** Plain YAML through the fast reader (src/util/fast-yaml.ts); undefined for anything else. */
function fastStream(text: string): YamlDoc[] | undefined {
  const docs = parseFastYaml(text);
  if (!docs) return undefined;
  try {
    return docs.map((d) => ({ value: new FastConverter().value(d.root, 0), line: d.line }));
  } catch (err) {
    if (err === NOT_FAST) return undefined;
    throw err;
  }
}

const NOT_FAST = new Error("not in fast-yaml's subset");

/** What Converter gives for the same text, from fast-yaml's nodes. */
class FastConverter {
  private rootMeta: FastNode | null = null;

  value(node: FastNode | null, depth: number): unknown {
    if (node === null) return null;
    if (depth > 200) throw NOT_FAST;
    if (node.kind === "scalar") return node.style === "plain" ? resolvePlain(node.text).value : node.text;
    if (node.kind === "seq") return node.items.map((item) => this.value(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of node.pairs) {
      const key = k.text;
      if (depth === 0 && key === "metadata") this.rootMeta = v;
      if (key === "annotations" && node === this.rootMeta) {
        const raw: Record<string, string> = {};
        if (v?.kind === "map") for (const [ak, av] of v.pairs) raw[ak.text] = av?.kind === "scalar" ? av.text : "";
        if (Object.keys(raw).length > 0) out[key] = raw;
      } else {
        setKey(out, key, this.value(v, depth + 1));
      }
    }
    return out;
  }
}

/** The `yaml` library's reading, which the fast reader must match (exported for its test). */
export function libraryStream(text: string, file: string): YamlDoc[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { schema: "failsafe", uniqueKeys: true, lineCounter, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: YamlDoc[] = [];
  for (const doc of list as Document.Parsed[]) {
    const err = doc.errors[0];
    if (err) {
      const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
      throw new InputError({ file, ...(pos ? { line: pos.line, column: pos.col } : {}), message: `invalid YAML: ${err.message.split("\n")[0]}` });
    }
    if (doc.contents === null) continue;
    const line = lineCounter.linePos((doc.contents as Node).range?.[0] ?? 0).line;
    const conv = new Converter(doc, file, lineCounter);
    out.push({ value: conv.value(doc.contents as Node, 0), line });
  }
  return out;
}

/** Parse a single YAML (or JSON) value, e.g. an inline patch. Empty text gives undefined. */
export function readYamlValue(text: string, file: string): unknown {
  const docs = readYamlStream(text, file);
  return docs[0]?.value;
}

class Converter {
  private readonly anchors = new Map<Node, unknown>();
  private rootMeta: Node | null = null;
  constructor(
    private readonly doc: Document.Parsed,
    private readonly file: string,
    private readonly lc: LineCounter,
  ) {}

  value(node: Node | null | undefined, depth: number): unknown {
    if (node === null || node === undefined) return null;
    if (depth > 200) this.fail(node, "nesting too deep");
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) this.fail(node, `unknown alias *${node.source}`);
      if (this.anchors.has(target as Node)) return this.anchors.get(target as Node);
      return this.value(target as Node, depth + 1);
    }
    let result: unknown;
    if (isScalar(node)) result = this.scalar(node);
    else if (isSeq(node)) result = node.items.map((item) => this.value(item as Node, depth + 1));
    else if (isMap(node)) result = this.map(node, depth);
    else this.fail(node, "unsupported YAML node");
    if ((node as { anchor?: string }).anchor) this.anchors.set(node, result);
    return result;
  }

  /** The text go-yaml keeps for a scalar: kustomize reads annotation values this way. */
  rawText(node: Node | null | undefined): string {
    if (node && isAlias(node)) return this.rawText(node.resolve(this.doc) as Node);
    if (!node || !isScalar(node)) return "";
    return node.type === "PLAIN" ? String(node.source ?? node.value ?? "") : String(node.value ?? "");
  }

  private scalar(node: Node & { type?: string; source?: string; value?: unknown; tag?: string }): unknown {
    const tag = node.tag;
    const text = String(node.value ?? "");
    if (tag === "tag:yaml.org,2002:str" || tag === "!!str") return text;
    if (node.type !== "PLAIN") {
      if (tag === "tag:yaml.org,2002:int" || tag === "tag:yaml.org,2002:float" || tag === "tag:yaml.org,2002:bool") return resolvePlain(text).value;
      return text;
    }
    const r = resolvePlain(String(node.source ?? text));
    return r.value;
  }

  private map(node: Node & { items: { key: unknown; value: unknown }[] }, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const merges: unknown[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      let key: string;
      if (keyNode && isScalar(keyNode)) {
        if (keyNode.type === "PLAIN" && String(keyNode.source) === "<<") {
          merges.push(this.value(pair.value as Node, depth + 1));
          continue;
        }
        key = String(keyNode.value ?? "");
      } else if (keyNode && isAlias(keyNode)) {
        key = this.rawText(keyNode);
      } else {
        this.fail(keyNode ?? node, "mapping keys must be scalars");
      }
      const valueNode = pair.value as Node | null;
      if (depth === 0 && key === "metadata") this.rootMeta = valueNode;
      if (key === "annotations" && node === this.rootMeta) {
        // kustomize re-sets top-level annotations on load: strings of the original text, and an
        // empty or null map disappears.
        const raw = valueNode && isMap(valueNode) ? this.rawAnnotations(valueNode as Node & { items: { key: unknown; value: unknown }[] }) : {};
        if (Object.keys(raw).length > 0) out[key] = raw;
      } else {
        setKey(out, key, this.value(valueNode, depth + 1));
      }
    }
    for (const m of merges) {
      for (const src of Array.isArray(m) ? m : [m]) {
        if (src === null || typeof src !== "object" || Array.isArray(src)) this.fail(node, "merge key << expects a mapping or a list of mappings");
        for (const [k, v] of Object.entries(src as Record<string, unknown>)) if (!Object.hasOwn(out, k)) setKey(out, k, v);
      }
    }
    return out;
  }

  /** metadata.annotations: kustomize rewrites them as strings holding the original text. */
  private rawAnnotations(node: Node & { items: { key: unknown; value: unknown }[] }): Record<string, string> {
    const out: Record<string, string> = {};
    for (const pair of node.items) out[this.rawText(pair.key as Node)] = this.rawText(pair.value as Node);
    return out;
  }

  private fail(node: Node, message: string): never {
    const offset = (node as { range?: [number, number, number] }).range?.[0];
    const pos = offset !== undefined ? this.lc.linePos(offset) : undefined;
    throw new InputError({ file: this.file, ...(pos ? { line: pos.line, column: pos.col } : {}), message: `invalid YAML: ${message}` });
  }
}
