/**
 * A fast reader for the plain YAML most configuration is written in: block mappings and
 * sequences, one-line flow collections, plain and one-line quoted scalars, literal block
 * scalars (`|`, `|-`), comments and `---` between documents. The `yaml` library builds a
 * Document of nodes for every file; values files, kustomizations and their patches are read on
 * every render, and this reader gives the same values several times faster.
 *
 * It answers `undefined` for anything else — anchors, aliases, tags, folded or indented block
 * scalars, multi-line plain or quoted scalars or flow collections, escapes, complex keys, merge
 * keys, duplicate keys, tabs, directives, any syntax error — and the caller then parses with the
 * `yaml` library, so every error message and every rare construct stays the library's.
 * test/util/fast-yaml.test.ts checks it against the library on every YAML file of the repository
 * and on generated documents.
 */

export type FastNode = FastMap | FastSeq | FastScalar;

export interface FastMap {
  readonly kind: "map";
  readonly line: number;
  readonly pairs: (readonly [FastScalar, FastNode | null])[];
}

export interface FastSeq {
  readonly kind: "seq";
  readonly line: number;
  readonly items: (FastNode | null)[];
}

export interface FastScalar {
  readonly kind: "scalar";
  readonly line: number;
  /** plain: the source text; quoted and literal: the value. */
  readonly style: "plain" | "single" | "double" | "literal";
  readonly text: string;
}

export interface FastDocument {
  readonly root: FastNode;
  /** 1-based line of the root node. */
  readonly line: number;
}

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

/** Characters a plain scalar may not start with (or that we leave to the library). */
const INDICATOR = new Set(["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`"]);
// Tabs, CR, BOM and control characters are left to the library.
const UNSUPPORTED_CHARS = /[\t\r\u0000-\u0008\u000b-\u001f\u007f\ufeff]/;

/** The documents of a YAML stream, or undefined when the text is not in the supported subset. */
export function parseFastYaml(text: string): FastDocument[] | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    return new Reader(text.split("\n")).documents();
  } catch (err) {
    if (err instanceof Bail) return undefined;
    throw err;
  }
}

const indentOf = (line: string) => {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
};

class Reader {
  private i = 0;
  constructor(private readonly lines: string[]) {}

  documents(): FastDocument[] {
    const docs: FastDocument[] = [];
    let started = false;
    for (;;) {
      this.skipBlank();
      if (this.i >= this.lines.length) break;
      const line = this.lines[this.i]!;
      if (isMarker(line)) {
        if (line.trimEnd() !== "---" && !/^--- +#/.test(line)) bail();
        // An empty document (two markers, or a marker at the end) is left to the library.
        if (started) bail();
        this.i++;
        started = true;
        continue;
      }
      if (line.startsWith("...") || line.startsWith("%")) bail();
      if (docs.length > 0 && !started) bail();
      const lineNo = this.i + 1;
      const root = this.node(indentOf(line));
      if (root.kind === "scalar") bail();
      docs.push({ root, line: lineNo });
      started = false;
      this.skipBlank();
      if (this.i < this.lines.length && !isMarker(this.lines[this.i]!)) bail();
    }
    if (started) bail();
    return docs;
  }

  /** Skip empty and comment-only lines. */
  private skipBlank(): void {
    while (this.i < this.lines.length) {
      const t = this.lines[this.i]!.trimStart();
      if (t !== "" && !t.startsWith("#")) return;
      this.i++;
    }
  }

  /** The block node whose first line is the current one, at indentation `ind`. */
  private node(ind: number): FastNode {
    const content = this.lines[this.i]!.slice(ind);
    if (isDash(content)) return this.seq(ind);
    if (entryKey(content)) return this.map(ind);
    // A flow collection or scalar on its own line.
    const lineNo = this.i + 1;
    const value = inlineValue(content, lineNo);
    if (value === "literal") bail();
    this.i++;
    this.noContinuation(ind - 1);
    return value as FastNode;
  }

  /** The next line of a block at indentation `ind` (without it), or undefined where the block ends. */
  private next(ind: number): string | undefined {
    this.skipBlank();
    if (this.i >= this.lines.length) return undefined;
    const line = this.lines[this.i]!;
    const at = indentOf(line);
    if (at < ind || (at === 0 && isMarker(line))) return undefined;
    if (at > ind) bail();
    return line.slice(ind);
  }

  private map(ind: number): FastMap {
    const pairs: (readonly [FastScalar, FastNode | null])[] = [];
    const seen = new Set<string>();
    const line0 = this.i + 1;
    for (;;) {
      const content = this.next(ind);
      if (content === undefined || isDash(content)) break; // a dash: a sequence at the parent's indentation
      const entry = entryKey(content);
      if (!entry) bail();
      const lineNo = this.i + 1;
      const key: FastScalar = { kind: "scalar", line: lineNo, style: entry!.style, text: entry!.key };
      if (entry!.style === "plain" && (entry!.key === "<<" || INDICATOR.has(entry!.key[0]!))) bail();
      if (seen.has(entry!.key)) bail();
      seen.add(entry!.key);
      pairs.push([key, this.value(ind, content.slice(entry!.end), lineNo, true)]);
    }
    return { kind: "map", line: line0, pairs };
  }

  private seq(ind: number): FastSeq {
    const items: (FastNode | null)[] = [];
    const line0 = this.i + 1;
    for (;;) {
      const content = this.next(ind);
      if (content === undefined || !isDash(content)) break;
      const rest = content.slice(1);
      const offset = indentOf(rest);
      const item = rest.slice(offset);
      if (item === "" || item.startsWith("#")) {
        items.push(this.value(ind, "", this.i + 1, false));
      } else if (isDash(item)) {
        bail();
      } else if (entryKey(item)) {
        // A compact mapping: its keys line up with the first one, after the dash.
        this.lines[this.i] = " ".repeat(ind + 1 + offset) + item;
        items.push(this.map(ind + 1 + offset));
      } else {
        items.push(this.value(ind, " " + item, this.i + 1, false));
      }
    }
    return { kind: "seq", line: line0, items };
  }

  /**
   * The value after `key:` or `-` (`rest`, from just after the indicator) of an entry at
   * indentation `ind`: inline, a literal block scalar, or a block node on the next lines.
   */
  private value(ind: number, rest: string, lineNo: number, inMap: boolean): FastNode | null {
    if (rest !== "" && !rest.startsWith(" ")) bail();
    const v = rest.trimStart();
    this.i++;
    if (v === "" || v.startsWith("#")) {
      this.skipBlank();
      if (this.i >= this.lines.length) return null;
      const next = this.lines[this.i]!;
      const at = indentOf(next);
      if (at === 0 && isMarker(next)) return null;
      if (at > ind) return this.node(at);
      // `key:` followed by a sequence at the key's own indentation.
      const content = next.slice(at);
      if (inMap && at === ind && isDash(content)) return this.seq(ind);
      return null;
    }
    const value = inlineValue(v, lineNo);
    if (value === "literal") return this.literal(ind, v, lineNo);
    this.noContinuation(ind);
    return value;
  }

  /** After an inline value: a more indented line would continue it (multi-line scalars are left to the library). */
  private noContinuation(ind: number): void {
    this.skipBlank();
    if (this.i < this.lines.length && indentOf(this.lines[this.i]!) > ind) bail();
  }

  /** `|` or `|-` and the lines below it, indented deeper than `ind`. */
  private literal(ind: number, header: string, lineNo: number): FastScalar {
    const m = /^\|(-?)( +#.*)?$/.exec(header);
    if (!m) bail();
    const strip = m![1] === "-";
    const first = this.lines[this.i];
    if (first === undefined || first.trim() === "") bail();
    const contentIndent = indentOf(first!);
    if (contentIndent <= ind) bail();
    const body: string[] = [];
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.trim() === "") {
        if (line.length > contentIndent) bail();
        body.push("");
        this.i++;
        continue;
      }
      const at = indentOf(line);
      if (at < contentIndent) {
        if (at > ind) bail();
        break;
      }
      body.push(line.slice(contentIndent));
      this.i++;
    }
    while (body.length > 0 && body[body.length - 1] === "") {
      body.pop();
      this.i--;
    }
    // Trailing blank lines belong to nobody; step over them again.
    while (this.i < this.lines.length && this.lines[this.i]!.trim() === "") this.i++;
    const text = body.join("\n") + (strip ? "" : "\n");
    return { kind: "scalar", line: lineNo, style: "literal", text };
  }
}

/** A sequence entry: `-` alone or followed by a space. */
function isDash(content: string): boolean {
  return content === "-" || content.startsWith("- ");
}

function isMarker(line: string): boolean {
  return line.startsWith("---") && (line.length === 3 || line[3] === " ");
}

/** `key: …` / `key:` at the start of `content`: the key and where the value starts (after the colon). */
function entryKey(content: string): { key: string; style: "plain" | "single" | "double"; end: number } | undefined {
  const c = content[0];
  if (c === '"' || c === "'") {
    const q = quoted(content, 0);
    if (!q || content[q.end] !== ":" || !(q.end + 1 === content.length || content[q.end + 1] === " ")) return undefined;
    return { key: q.text, style: c === '"' ? "double" : "single", end: q.end + 1 };
  }
  if (c === undefined || c === "[" || c === "{" || c === "#") return undefined;
  for (let j = 0; j < content.length; j++) {
    const ch = content[j];
    if (ch === "#" && content[j - 1] === " ") return undefined;
    if (ch === ":" && (j + 1 === content.length || content[j + 1] === " ")) {
      if (j === 0 || content[j - 1] === " ") bail();
      return { key: content.slice(0, j), style: "plain", end: j + 1 };
    }
  }
  return undefined;
}

/** A one-line quoted scalar starting at `s[at]`: its value and the index after the closing quote. */
function quoted(s: string, at: number): { text: string; end: number } | undefined {
  const q = s[at];
  let text = "";
  for (let j = at + 1; j < s.length; j++) {
    const ch = s[j];
    if (q === '"' && ch === "\\") bail();
    if (ch === q) {
      if (q === "'" && s[j + 1] === "'") {
        text += "'";
        j++;
        continue;
      }
      return { text, end: j + 1 };
    }
    text += ch;
  }
  return undefined;
}

/** An inline value (flow collection, quoted or plain scalar), whole to the end of the line but a comment. */
function inlineValue(v: string, line: number): FastNode | "literal" {
  if (v[0] === "|") return "literal";
  const r = flowOrScalar(v, 0, line, false);
  const tail = v.slice(r.end);
  if (tail.trim() !== "" && !/^ +#/.test(tail)) bail();
  return r.node;
}

function flowOrScalar(s: string, at: number, line: number, inFlow: boolean): { node: FastNode; end: number } {
  const c = s[at];
  if (c === "[") return flowSeq(s, at, line);
  if (c === "{") return flowMap(s, at, line);
  if (c === '"' || c === "'") {
    const q = quoted(s, at) ?? bail();
    return { node: { kind: "scalar", line, style: c === '"' ? "double" : "single", text: q!.text }, end: q!.end };
  }
  if (c === undefined || INDICATOR.has(c)) {
    // `-1`, `-x`: a dash followed by a safe character starts a plain scalar.
    if (!(c === "-" && s[at + 1] !== undefined && s[at + 1] !== " " && !(inFlow && ",[]{}".includes(s[at + 1]!)))) bail();
  }
  let j = at;
  for (; j < s.length; j++) {
    const ch = s[j]!;
    if (ch === "#" && s[j - 1] === " ") break;
    if (ch === ":" && (j + 1 === s.length || s[j + 1] === " " || (inFlow && ",[]{}".includes(s[j + 1]!)))) {
      if (inFlow) break;
      bail();
    }
    if (inFlow && ",[]{}".includes(ch)) break;
  }
  const text = s.slice(at, j).trimEnd();
  if (text === "") bail();
  return { node: { kind: "scalar", line, style: "plain", text }, end: at + text.length };
}

const spaces = (s: string, at: number) => {
  while (s[at] === " ") at++;
  return at;
};

function flowSeq(s: string, at: number, line: number): { node: FastSeq; end: number } {
  const items: FastNode[] = [];
  let j = spaces(s, at + 1);
  if (s[j] === "]") return { node: { kind: "seq", line, items }, end: j + 1 };
  for (;;) {
    const r = flowOrScalar(s, j, line, true);
    items.push(r.node);
    j = spaces(s, r.end);
    if (s[j] === ":") bail(); // an implicit single-pair mapping
    if (s[j] === "]") return { node: { kind: "seq", line, items }, end: j + 1 };
    if (s[j] !== ",") bail();
    j = spaces(s, j + 1);
    if (s[j] === "]" || s[j] === ",") bail();
  }
}

function flowMap(s: string, at: number, line: number): { node: FastMap; end: number } {
  const pairs: (readonly [FastScalar, FastNode | null])[] = [];
  const seen = new Set<string>();
  let j = spaces(s, at + 1);
  if (s[j] === "}") return { node: { kind: "map", line, pairs }, end: j + 1 };
  for (;;) {
    const k = flowOrScalar(s, j, line, true);
    if (k.node.kind !== "scalar") bail();
    const key = k.node as FastScalar;
    if ((key.style === "plain" && key.text === "<<") || seen.has(key.text)) bail();
    seen.add(key.text);
    j = k.end;
    if (s[j] !== ":" || s[j + 1] !== " ") bail();
    j = spaces(s, j + 1);
    if (s[j] === "," || s[j] === "}") bail();
    const v = flowOrScalar(s, j, line, true);
    pairs.push([key, v.node]);
    j = spaces(s, v.end);
    if (s[j] === "}") return { node: { kind: "map", line, pairs }, end: j + 1 };
    if (s[j] !== ",") bail();
    j = spaces(s, j + 1);
    if (s[j] === "}" || s[j] === ",") bail();
  }
}
