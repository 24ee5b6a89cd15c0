/** IAM policy documents: JSON strings (or objects) parsed into statements, failing closed. */
import { isObject, isPlaceholder, quote, Unevaluable } from "./values";

export interface Statement {
  readonly effect: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly index: number;
}

export function statementsOf(doc: unknown, path: string): Statement[] {
  if (isPlaceholder(doc)) throw new Unevaluable(path, `the policy document is ${String(doc)}`);
  let parsed: unknown = doc;
  if (typeof doc === "string") {
    try {
      parsed = JSON.parse(doc);
    } catch (err) {
      throw new Unevaluable(path, `the policy document is not JSON (${(err as Error).message})`);
    }
  }
  if (!isObject(parsed)) throw new Unevaluable(path, `expected a policy document, got ${quote(parsed)}`);
  const raw = parsed["Statement"];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map((s, index) => {
    if (!isObject(s)) throw new Unevaluable(`${path}.Statement[${index}]`, `expected a statement, got ${quote(s)}`);
    return { effect: String(s["Effect"] ?? ""), actions: asList(s["Action"], `${path}.Statement[${index}].Action`), resources: asList(s["Resource"], `${path}.Statement[${index}].Resource`), index };
  });
}

function asList(v: unknown, path: string): string[] {
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return list.map((x) => {
    if (typeof x !== "string" || isPlaceholder(x)) throw new Unevaluable(path, `expected strings, got ${quote(x)}`);
    return x;
  });
}
