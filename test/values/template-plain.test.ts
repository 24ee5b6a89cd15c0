/**
 * Templates of text, comments and env/values mustaches are rendered without compiling them
 * (template.ts, plainTemplate): the string must be the one Handlebars itself gives, for any such
 * template over any values.
 */
import * as fc from "fast-check";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { renderTemplates } from "../../src/values/template";

const env = { name: "prod", region: "us-east-1", order: 3 };
const nowhere = () => ({ file: "values.yaml" });

/** What Handlebars renders, with template.ts's options, over already-resolved values. */
function byHandlebars(template: string, values: Record<string, unknown>): string {
  return Handlebars.compile(template, { strict: true, noEscape: true })({ env, values });
}

const leaf = fc.oneof(fc.string({ maxLength: 6 }).filter((s) => !s.includes("{{")), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
const key = fc.constantFrom("a", "b", "c-d", "e_f", "g1");
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 3 }), fc.dictionary(key, tie("node"), { maxKeys: 3, noNullPrototype: true })),
})).node;
const values = fc.dictionary(key, tree, { minKeys: 1, maxKeys: 4, noNullPrototype: true });

/** Every path of `v` (object keys and array indexes) under `prefix`. */
function paths(v: unknown, prefix: string[]): string[][] {
  const own = [prefix];
  if (Array.isArray(v)) return [...own, ...v.flatMap((x, i) => paths(x, [...prefix, String(i)]))];
  if (v !== null && typeof v === "object") return [...own, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...prefix, k]))];
  return own;
}

/** Template pieces over the names that exist: text, comments, whitespace control, escapes. */
function template(vals: Record<string, unknown>) {
  const names = [...paths(vals, ["values"]).filter((p) => p.length > 1), ...Object.keys(env).map((k) => ["env", k])].map((p) =>
    p.map((s, i) => (i > 0 && /^\d/.test(s) ? `[${s}]` : s)).join("."),
  );
  const text = fc.stringMatching(/^[a-z0-9 ./:\n-]{0,6}$/);
  const piece = fc.oneof(
    text,
    fc.constantFrom(...names).map((n) => `{{${n}}}`),
    fc.constantFrom(...names).map((n) => `{{~ ${n} ~}}`),
    fc.constantFrom(...names).map((n) => `{{{${n}}}}`),
    fc.constant("{{! a comment }}"),
    fc.constant("\\{{not.a.name}}"),
  );
  // Between brackets: a template that is one mustache alone takes the value with its type.
  return fc.array(piece, { minLength: 1, maxLength: 6 }).map((ps) => `<${ps.join("")}>`);
}

describe("plain templates", () => {
  it("render as Handlebars renders them", () => {
    fc.assert(
      fc.property(
        values.chain((v) => fc.tuple(fc.constant(v), template(v))),
        ([vals, tpl]) => {
          const out = renderTemplates({ ...vals, t: tpl }, env, nowhere) as { t: unknown };
          expect(out.t).toBe(byHandlebars(tpl, vals));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("leave helpers, blocks and sub-expressions to Handlebars", () => {
    const vals = { list: ["a", "b"], on: true, name: "shop" };
    const t = "{{#each values.list}}{{this}}-{{/each}}{{#if values.on}}on{{/if}} {{lookup values 'name'}}";
    const out = renderTemplates({ ...vals, t }, env, nowhere) as { t: unknown };
    expect(out.t).toBe(byHandlebars(t, vals));
    expect(out.t).toBe("a-b-on shop");
  });
});
