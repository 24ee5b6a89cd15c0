/**
 * The fast YAML reader against the `yaml` library: on every YAML file of the repository, on
 * generated documents in several styles, and on random damage to them, both readings (the
 * values files' core schema and the kustomize engine's go-yaml reading) must give the same
 * values, lines and errors — the fast reader either agrees or steps aside.
 */
import fc from "fast-check";
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { libraryStream, readYamlStream } from "../../src/kustomize/yaml/read";
import { serializeObjects } from "../../src/kustomize/index";
import { parseFastYaml } from "../../src/util/fast-yaml";
import { parseWithLibrary, parseYaml } from "../../src/util/yaml-file";

const ROOT = path.resolve(__dirname, "../..");

function outcome(fn: () => unknown): unknown {
  try {
    return { ok: fn() };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function agree(text: string): void {
  expect(outcome(() => readYamlStream(text, "f.yaml")), text).toEqual(outcome(() => libraryStream(text, "f.yaml")));
  expect(outcome(() => parseYaml(text, "f.yaml").value), text).toEqual(outcome(() => parseWithLibrary(text, "f.yaml").value));
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === ".git" || e.name === "dist" || e.name === ".cache" || e.name === "bench-results") continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$|^Kustomization$/.test(e.name)) out.push(p);
  }
  return out;
}

const scalar = fc.oneof(
  fc.constantFrom("yes", "no", "on", "~", "null", "Null", "true", "False", "0o17", "0x1F", "017", "1_000", "+12", "-3", "1e3", ".5", "1.", ".inf", "-.Inf", ".nan", "2001-12-14", "a: b", "a:b", "#x", "x #y", "x#y", "-", "- a", "-x", "?", "'q'", '"d"', "", " lead", "trail ", "a,b", "[x]", "{y}", "&a", "*b", "!t", "%p", "@at", "`b`", "|", ">", "multi\nline", "tab\there", "é ü", "12:30", "sha256:ab"),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(fc.constantFrom("a", "b", "metadata", "annotations", "name", "1", "true", "~", "<<", "a b", "k:v", "-k", "key", "__proto__"), fc.string({ minLength: 1, maxLength: 5 }));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(key, tie("v"), { maxKeys: 4 })),
})).v;
const docs = fc.array(fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }), { minLength: 1, maxLength: 3 });

function styles(objs: Record<string, unknown>[]): string[] {
  return [
    objs.map((o) => stringify(o)).join("---\n"),
    objs.map((o) => stringify(o, { indentSeq: false, lineWidth: 0 })).join("---\n"),
    objs.map((o) => stringify(o, { collectionStyle: "flow", lineWidth: 0 })).join("---\n"),
    objs.map((o) => stringify(o, { defaultStringType: "QUOTE_SINGLE", lineWidth: 0 })).join("---\n"),
    serializeObjects(objs),
  ];
}

describe("fast YAML reader", () => {
  it("reads every YAML file of the repository as the library does", () => {
    const files = yamlFiles(ROOT);
    expect(files.length).toBeGreaterThan(50);
    let fast = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, "utf8");
      agree(text);
      if (parseFastYaml(text)) fast++;
    }
    // Most of the repository is plain YAML: the fast path is the common one.
    expect(fast / files.length).toBeGreaterThan(0.8);
  });

  it("agrees on generated documents in several styles", () => {
    fc.assert(
      fc.property(docs, (objs) => {
        for (const text of styles(objs)) agree(text);
      }),
      { numRuns: 300 },
    );
  });

  it("agrees on damaged documents (or steps aside)", () => {
    const damage = fc.array(fc.tuple(fc.nat(), fc.constantFrom("", ":", " ", "-", "#", "'", '"', "\n", "\n  ", "|", "[", "{", ",", "- ", ": ", "---\n")), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(docs, fc.nat(4), damage, (objs, style, edits) => {
        let text = styles(objs)[style]!;
        for (const [at, s] of edits) {
          const i = at % (text.length + 1);
          text = s === "" ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + s + text.slice(i);
        }
        agree(text);
      }),
      { numRuns: 1500 },
    );
  });
});
