/**
 * Handlebars templating of string values, in strict mode: `{{env.name}}`,
 * `{{values.cluster.name}}`. An unknown name is an error, never an empty string. A string that
 * is exactly one `{{path}}` takes the referenced value with its type (a number stays a number).
 * Templated values may refer to other templated values; a cycle is an error.
 */
import Handlebars from "handlebars";
import { InputError, formatPath, type Problem } from "../util/errors";
import { isPlainObject } from "../util/plain";
import type { Values } from "./merge";

type Seg = string | number;
// Handlebars' typings declare its AST in the global namespace `hbs`.
type Program = hbs.AST.Program;
type ContentStatement = hbs.AST.ContentStatement;
export type PathLocator = (path: readonly Seg[]) => Omit<Problem, "message" | "path">;

const handlebars = Handlebars.create();
const compiled = new Map<string, HandlebarsTemplateDelegate>();
const SINGLE_PATH = /^\{\{\s*((?:env|values)(?:\.[A-Za-z0-9_-]+)*)\s*\}\}$/;

export function renderTemplates(values: Values, env: Record<string, unknown>, locateAt: PathLocator): Values {
  const resolved = new Map<string, unknown>();
  const resolving: string[] = [];
  const problems: Problem[] = [];

  const fail = (path: readonly Seg[], message: string, cycle?: string): never => {
    throw new TemplateFailure({ ...locateAt(path), path: formatPath(path), message }, cycle);
  };
  // One cycle is one problem, however many of its members the walk reaches.
  const cyclesSeen = new Set<string>();

  /** The value at `path` of the templated tree, rendering strings on demand. */
  const resolveString = (s: string, path: readonly Seg[]): unknown => {
    if (!s.includes("{{")) return s;
    const key = JSON.stringify(path);
    if (resolved.has(key)) return resolved.get(key);
    if (resolving.includes(key)) {
      const members = resolving.slice(resolving.indexOf(key));
      const cycle = [...members, key].map((k) => formatPath(JSON.parse(k) as Seg[])).join(" → ");
      fail(path, `template cycle: ${cycle}`, [...members].sort().join("|"));
    }
    resolving.push(key);
    try {
      const ast = checkNames(s, path);
      const single = SINGLE_PATH.exec(s);
      const out = single ? lookup(single[1]!.split("."), path) : render(s, ast, path);
      resolved.set(key, out);
      return out;
    } finally {
      resolving.pop();
    }
  };

  const lookup = (parts: string[], from: readonly Seg[]): unknown => {
    const [root, ...rest] = parts;
    if (root === "env") {
      let cur: unknown = env;
      for (const p of rest) {
        if (!isPlainObject(cur) || !Object.hasOwn(cur, p)) fail(from, unknownName(parts, "env", Object.keys(env)));
        cur = (cur as Record<string, unknown>)[p];
      }
      return cur;
    }
    let cur: unknown = values;
    const at: Seg[] = [];
    for (const p of rest) {
      if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, p)) {
        fail(from, unknownName(parts, formatPath(["values", ...at]), cur !== null && typeof cur === "object" ? Object.keys(cur) : []));
      }
      at.push(Array.isArray(cur) ? Number(p) : p);
      cur = (cur as Record<string, unknown>)[p];
    }
    return deepResolve(cur, at);
  };

  const deepResolve = (v: unknown, path: Seg[]): unknown => {
    if (typeof v === "string") return resolveString(v, path);
    if (Array.isArray(v)) return v.map((x, i) => deepResolve(x, [...path, i]));
    if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepResolve(x, [...path, k])]));
    return v;
  };

  /**
   * Parse the template and check the names of plain `{{a.b}}` mustaches up front, for a precise
   * message. Returns the parsed template.
   */
  const checkNames = (s: string, path: readonly Seg[]): Program => {
    let ast: Program;
    try {
      ast = handlebars.parse(s);
    } catch (err) {
      return fail(path, `invalid template ${JSON.stringify(s)}: ${parseErrorText((err as Error).message)}`);
    }
    for (const stmt of ast.body) {
      if (stmt.type !== "MustacheStatement") continue;
      const m = stmt as unknown as MustacheNode;
      const p = m.path;
      if (p.type !== "PathExpression" || m.params.length > 0) continue;
      const parts = p.parts;
      if (parts[0] !== "env" && parts[0] !== "values") {
        fail(path, `unknown template name ${JSON.stringify(p.original)} in ${JSON.stringify(s)}: names start with env. or values.`);
      }
      lookup(parts, path);
    }
    return ast;
  };

  const render = (s: string, ast: Program, path: readonly Seg[]): string => {
    const plain = plainTemplate(ast);
    if (plain) return plain.map((part) => (typeof part === "string" ? part : appended(lookup(part, path)))).join("");
    let tpl = compiled.get(s);
    if (!tpl) {
      tpl = handlebars.compile(s, { strict: true, noEscape: true });
      compiled.set(s, tpl);
    }
    try {
      return tpl({ env, values: lazyView(values, []) });
    } catch (err) {
      if (err instanceof TemplateFailure) throw err;
      return fail(path, `cannot render ${JSON.stringify(s)}: ${firstLine((err as Error).message)}`);
    }
  };

  /** The values tree as Handlebars sees it: strings are rendered when read. */
  const lazyView = (v: unknown, path: Seg[]): unknown => {
    if (typeof v === "string") return resolveString(v, path);
    if (v === null || typeof v !== "object") return v;
    const out: Record<string, unknown> | unknown[] = Array.isArray(v) ? [] : {};
    for (const key of Object.keys(v)) {
      const childPath = [...path, Array.isArray(v) ? Number(key) : key];
      Object.defineProperty(out, key, {
        enumerable: true,
        get: () => lazyView((v as Record<string, unknown>)[key], childPath),
      });
    }
    return out;
  };

  const walk = (v: unknown, path: Seg[]): unknown => {
    try {
      if (typeof v === "string") return resolveString(v, path);
    } catch (err) {
      if (err instanceof TemplateFailure) {
        if (err.cycle === undefined || !cyclesSeen.has(err.cycle)) problems.push(err.problem);
        if (err.cycle !== undefined) cyclesSeen.add(err.cycle);
        return v;
      }
      throw err;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k])]));
    return v;
  };

  const out = walk(values, []) as Values;
  const unique = dedupe(problems);
  if (unique.length > 0) throw new InputError(unique, unique.length > 1 ? `${unique.length} template problems:` : undefined);
  return out;
}

/** The part of Handlebars' AST we read (its typings keep these types private). */
interface MustacheNode {
  path: { type: string; parts: string[]; original: string; depth: number; data: boolean };
  params: unknown[];
  hash?: unknown;
}

/**
 * A template of text, comments and `{{env.…}}` / `{{values.…}}` mustaches only — nearly every
 * template — as its text pieces and the paths to append; undefined for anything else (helpers,
 * blocks, partials, `../`, `@data`), which Handlebars renders. Handlebars compiles each distinct
 * template to a JavaScript function, and an estate's templates are mostly distinct (a repository
 * URL per service): at 500 services compiling was a third of loading an env's values.
 * test/values/template-plain.test.ts checks both ways give the same string.
 */
function plainTemplate(ast: Program): (string | string[])[] | undefined {
  const pieces: (string | string[])[] = [];
  for (const stmt of ast.body) {
    if (stmt.type === "ContentStatement") pieces.push((stmt as ContentStatement).value);
    else if (stmt.type === "CommentStatement") continue;
    else if (stmt.type !== "MustacheStatement") return undefined;
    else {
      const m = stmt as unknown as MustacheNode;
      const p = m.path;
      if (p.type !== "PathExpression" || m.params.length > 0 || m.hash || p.depth !== 0 || p.data) return undefined;
      if (!/^(env|values)\./.test(p.original)) return undefined;
      pieces.push(p.parts);
    }
  }
  return pieces;
}

/** A value as Handlebars appends it to its output with noEscape: null and undefined as nothing, else as a JavaScript string. */
function appended(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

class TemplateFailure extends Error {
  constructor(
    readonly problem: Problem,
    /** The members of a template cycle, sorted: the same cycle reached from another member. */
    readonly cycle?: string,
  ) {
    super(problem.message);
  }
}

function unknownName(parts: readonly string[], where: string, known: readonly string[]): string {
  const list = known.length ? `; ${where} has: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", …" : ""}` : "";
  return `unknown template name ${JSON.stringify(parts.join("."))}${list}`;
}

/**
 * Handlebars' parse errors span four lines (headline, the template, a caret, the tokens it
 * expected); say what was found where, on one line.
 */
function parseErrorText(message: string): string {
  const lines = message.split("\n");
  const caret = lines[2]?.indexOf("^") ?? -1;
  const got = /got '([^']+)'\s*$/.exec(lines[3] ?? "")?.[1];
  if (!lines[0]!.startsWith("Parse error") || caret < 0 || got === undefined) return firstLine(message);
  const what = got === "EOF" ? "unexpected end of the template" : got === "CLOSE" ? 'unexpected "}}"' : got === "INVALID" ? "invalid token" : `unexpected ${got}`;
  return `${what} at character ${caret + 1}`;
}

function firstLine(s: string): string {
  return s.split("\n")[0]!;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.file}:${p.line}:${p.path}:${p.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
