/**
 * Fuzzing (issue 9): random input to the loaders (values, stack, kustomization, resource and plan
 * files) and to the overlay pipeline (merge, templates, validation, kustomize build of random
 * small trees) either works or fails with an InputError whose message names a file. Anything
 * else — a TypeError, a RangeError, a hang — is a bug. Run counts stay modest (the suite's
 * budget); FUZZ_RUNS=<n> runs more.
 */
import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { checkPlan } from "../../src/check/evaluate";
import { costOf } from "../../src/cost/cost";
import { diffPlans } from "../../src/diff/engine";
import { formatJson } from "../../src/diff/format-json";
import { formatMarkdown } from "../../src/diff/format-markdown";
import { formatText } from "../../src/diff/format-text";
import { buildKustomization, serializeObjects } from "../../src/kustomize/index";
import { loadKustomizationFile } from "../../src/kustomize/kustomization-file";
import { resourcesFromText } from "../../src/kustomize/resource-file";
import { readPlanFile } from "../../src/plan/plan-file";
import { loadProject } from "../../src/project/project";
import { loadStackConfig } from "../../src/project/stack-config";
import { InputError } from "../../src/util/errors";
import { loadEnvironment } from "../../src/values/load";
import { runCli } from "../helpers/cli";
import { copyExampleProject, REPO_ROOT } from "../helpers/temp-project";

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
const runs = (n: number) => ({ numRuns: RUNS ?? n });

const root = copyExampleProject();
const project = loadProject(root);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-fuzz-"));
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** `fn` works, or throws an InputError whose message names one of `files`. */
function worksOrNamesFile(fn: () => unknown, files: readonly string[]): void {
  outcomeOf(fn, files);
}

function outcomeOf(fn: () => unknown, files: readonly string[]): "ok" | "input-error" {
  try {
    fn();
    return "ok";
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const named = files.some((f) => err.message.includes(f));
    if (!named) throw new Error(`InputError without a file (${files.join(", ")}): ${err.message}`);
    return "input-error";
  }
}

function write(abs: string, text: string): void {
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

/** YAML-ish text: the tokens that make parsers and converters stumble. */
const yamlText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc
    .array(
      fc.constantFrom("a", "b", ":", ": ", " ", "  ", "\n", "\n  ", "- ", "[", "]", "{", "}", ",", "&x ", "*x", "'", '"', "# c", "? ", "| ", "> ", "!!str ", "!!int ", "1", "-1.5e3", "0x1F", "null", "~", "true", "__proto__", "<<: ", "\t", "---\n", "...\n", "%YAML 1.2\n", "\\u0000", "é"),
      { maxLength: 40 },
    )
    .map((parts) => parts.join("")),
);

/** JSON-like values, small. */
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 2.5, 1e21, "", "x", "two", "{{env.name}}", "{{values.platform.name}}", "__proto__", "10.0.0.0/16", "m5.large"),
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("a", "name", "replicas", "__proto__", "constructor", "enabled", "tier", "image", "tag"), tie("v"), { maxKeys: 3 }),
  ),
})).v;

describe("fuzz: YAML loaders never crash", () => {
  it("values files", () => {
    const file = "overlays/dev/values.yaml";
    fc.assert(
      fc.property(yamlText, (text) => {
        write(path.join(root, file), text);
        worksOrNamesFile(() => loadEnvironment(project, "dev"), [file]);
      }),
      runs(150),
    );
  });

  it("stack files", () => {
    const file = "stacks/Pulumi.staging.yaml";
    fc.assert(
      fc.property(fc.oneof(yamlText, json.map((config) => stringify({ config }))), (text) => {
        write(path.join(root, file), text);
        worksOrNamesFile(() => loadStackConfig(project, "staging"), [file]);
      }),
      runs(150),
    );
  });

  it("kustomization files", () => {
    const abs = path.join(scratch, "kfile", "kustomization.yaml");
    fc.assert(
      fc.property(fc.oneof(yamlText, fc.dictionary(fc.constantFrom("resources", "patches", "namePrefix", "images", "labels", "secretGenerator", "replicas", "bogus"), json, { maxKeys: 3 }).map((k) => stringify(k))), (text) => {
        write(abs, text);
        worksOrNamesFile(() => loadKustomizationFile(abs, "kfile/kustomization.yaml"), ["kfile/kustomization.yaml"]);
      }),
      runs(150),
    );
  });

  it("resource files", () => {
    fc.assert(
      fc.property(fc.oneof(yamlText, json.map((v) => stringify(v))), (text) => {
        worksOrNamesFile(() => resourcesFromText(text, "res.yaml"), ["res.yaml"]);
      }),
      runs(150),
    );
  });
});

describe("fuzz: plan files never crash, and what they accept every command can read", () => {
  const golden = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "test/golden/render/dev/plan.json"), "utf8")) as Record<string, unknown>;
  const file = path.join(scratch, "plan.json");

  /** A copy of the golden plan with one value replaced: anywhere in one resource, or at the top. */
  const mutated = fc.tuple(fc.nat(), fc.nat(), fc.boolean(), json).map(([a, b, top, v]) => {
    const plan = structuredClone(golden) as { resources: unknown[] } & Record<string, unknown>;
    const base: Record<string | number, unknown> = top ? plan : (plan.resources[a % plan.resources.length] as Record<string, unknown>);
    const paths: (string | number)[][] = [];
    const walk = (x: unknown, p: (string | number)[]) => {
      paths.push(p);
      if (p.length > 8 || x === null || typeof x !== "object" || (top && p[0] === "resources")) return;
      const keys = Array.isArray(x) ? x.map((_, i) => i) : Object.keys(x);
      for (const k of keys) walk((x as Record<string | number, unknown>)[k], [...p, k]);
    };
    walk(base, []);
    const target = paths[b % paths.length]!;
    if (target.length === 0) return top ? v : plan;
    let parent = base;
    for (const seg of target.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
    parent[target.at(-1)!] = v;
    return plan;
  });

  it("readPlanFile, then check, cost and diff on what it accepts", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.oneof(mutated.map((p) => JSON.stringify(p, null, 2)), yamlText), (text) => {
        write(file, text);
        seen.add(outcomeOf(() => {
          const plan = readPlanFile(file, "plan.json");
          checkPlan(plan, { today: "2026-01-15" });
          costOf(plan);
          const diff = diffPlans(plan, plan);
          formatText(diff);
          formatJson(diff);
          formatMarkdown(diff);
        }, ["plan.json"]));
      }),
      runs(200),
    );
    expect([...seen].sort()).toEqual(["input-error", "ok"]);
  });
});

describe("fuzz: the overlay pipeline", () => {
  const file = "overlays/dev/values.yaml";
  const original = fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
  const templateText = fc
    .array(fc.constantFrom("{{", "}}", "{{{", "values.", "env.", "platform", "name", "cluster", ".", "#if ", "/if", "else", " ", "x", "__proto__", "constructor", "lookup ", "> p", "this", "../", "@root", "-"), { maxLength: 12 })
    .map((p) => p.join(""));

  it("merge, templates and validation of a random layer over the example", () => {
    const seen = new Set<string>();
    const layer = fc.record(
      {
        network: fc.dictionary(fc.constantFrom("vpcCidr", "azCount", "nat", "azIds"), json, { maxKeys: 2 }),
        services: fc.dictionary(fc.constantFrom("web", "api", "new-svc", "__proto__"), fc.oneof(json, fc.dictionary(fc.constantFrom("replicas", "image", "env", "ports", "criticality"), json, { maxKeys: 2 })), { maxKeys: 2 }),
        platform: fc.record({ tags: fc.dictionary(fc.constantFrom("t", "u"), templateText, { maxKeys: 2 }) }),
        policy: fc.dictionary(fc.constantFrom("enforcement", "waivers", "overrides"), json, { maxKeys: 2 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(layer, (values) => {
        write(path.join(root, file), stringify({ extends: "shared-nonprod", ...values }, { aliasDuplicateObjects: false }));
        const outcome = outcomeOf(() => loadEnvironment(project, "dev"), [file, "overlays/base/values.yaml"]);
        seen.add(outcome);
      }),
      runs(150),
    );
    write(path.join(root, file), original);
    // The generator reaches both outcomes: a fuzz that only ever fails proves little.
    expect([...seen].sort()).toEqual(["input-error", "ok"]);
  });
});

describe("fuzz: kustomize build of random small trees", () => {
  const name = fc.constantFrom("web", "api", "db", "a");
  const kind = fc.constantFrom(
    { apiVersion: "v1", kind: "ConfigMap" },
    { apiVersion: "v1", kind: "Secret" },
    { apiVersion: "apps/v1", kind: "Deployment" },
    { apiVersion: "v1", kind: "Service" },
  );
  const labels = fc.dictionary(fc.constantFrom("app", "tier", "x"), fc.oneof(fc.constantFrom("web", "1", ""), json), { maxKeys: 2 });
  const object = fc.record({ k: kind, name, namespace: fc.option(fc.constantFrom("shop", "other"), { nil: undefined }), labels, body: fc.dictionary(fc.constantFrom("data", "spec", "stringData"), json, { maxKeys: 2 }) }).map(({ k, name, namespace, labels, body }) => ({
    ...k,
    metadata: { name, ...(namespace ? { namespace } : {}), labels },
    ...body,
  }));
  const op = fc.record({ op: fc.constantFrom("add", "remove", "replace", "move", "copy", "test", "bogus"), path: fc.constantFrom("/spec", "/spec/replicas", "/data/x", "/metadata/labels/app", "", "x", "/spec/template/spec/containers/0/image"), value: json, from: fc.constantFrom("/spec", "/nope") });
  const patch = fc.oneof(
    fc.record({ patch: fc.tuple(kind, name, json).map(([k, n, v]) => stringify({ ...k, metadata: { name: n }, spec: v })) }),
    fc.record({ patch: fc.array(op, { maxLength: 2 }).map((ops) => stringify(ops)), target: fc.record({ kind: fc.constantFrom("ConfigMap", "Deployment", "Nope"), name: fc.option(name, { nil: undefined }) }, { requiredKeys: ["kind"] }) }),
    fc.record({ path: fc.constantFrom("patch.yaml", "missing.yaml", "../outside.yaml") }),
  );
  const generator = fc.record({ name, literals: fc.array(fc.constantFrom("A=1", "B=two", "=x", "noeq", "A=3"), { maxLength: 3 }), behavior: fc.constantFrom("create", "merge", "replace") }, { requiredKeys: ["name"] });
  const kustomization = fc.record(
    {
      resources: fc.constantFrom(["r1.yaml"], ["r1.yaml", "r2.yaml"], ["r1.yaml", "missing.yaml"], ["sub"]),
      namePrefix: fc.constantFrom("p-", "", "UPPER-"),
      namespace: fc.constantFrom("shop", "x", ""),
      commonLabels: fc.dictionary(fc.constantFrom("team", "app"), fc.constantFrom("a", "web"), { maxKeys: 2 }),
      patches: fc.array(patch, { maxLength: 2 }),
      images: fc.array(fc.record({ name: fc.constantFrom("web", "nginx"), newTag: fc.constantFrom("1.0", "latest") }), { maxLength: 1 }),
      replicas: fc.array(fc.record({ name, count: fc.integer({ min: 0, max: 3 }) }), { maxLength: 1 }),
      configMapGenerator: fc.array(generator, { maxLength: 2 }),
      secretGenerator: fc.array(generator, { maxLength: 1 }),
    },
    { requiredKeys: ["resources"] },
  );
  const tree = fc.record({ k: kustomization, r1: fc.array(object, { minLength: 1, maxLength: 3 }), r2: fc.array(object, { maxLength: 2 }), sub: fc.array(object, { maxLength: 2 }), p: fc.oneof(json, object) });

  let n = 0;
  it("builds or names the file that is wrong", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(tree, ({ k, r1, r2, sub, p }) => {
        const dir = path.join(scratch, `k${n++}`);
        write(path.join(dir, "kustomization.yaml"), stringify(k));
        write(path.join(dir, "r1.yaml"), r1.map((o) => stringify(o)).join("---\n"));
        write(path.join(dir, "r2.yaml"), r2.map((o) => stringify(o)).join("---\n"));
        write(path.join(dir, "sub", "kustomization.yaml"), "resources: [s.yaml]\n");
        write(path.join(dir, "sub", "s.yaml"), sub.map((o) => stringify(o)).join("---\n"));
        write(path.join(dir, "patch.yaml"), stringify(p));
        write(path.join(scratch, "outside.yaml"), "kind: ConfigMap\n");
        const show = (abs: string) => path.relative(scratch, abs) || ".";
        seen.add(outcomeOf(() => serializeObjects(buildKustomization(dir, { displayPath: show })), [`k${n - 1}/`]));
        fs.rmSync(dir, { recursive: true, force: true });
      }),
      runs(200),
    );
    expect([...seen].sort()).toEqual(["input-error", "ok"]);
  });
});

describe("fuzz: command lines", () => {
  const TOKENS = ["spec", "schema", "max-pods", "rules", "build", "check", "cost", "diff", "--env", "dev", "qa", "DEV", "--json", "--plan", "plan.json", "nope.json", "--format", "json", "pdf", "--today", "2026-02-30", "2026-01-15", "--output", "out/report.txt", "overlays", "--markdown", "--pack-config", "m5.large", "m5.huge", "--max-eni", "0", "3", "k", "overlays/dev", "--from", "--to", "--root", "/nonexistent", "--bogus", "", "-", "--", "--verbose", "--exit-code", "--reveal-secrets", "--timeout", "-1"];
  const renders = (args: string[]) =>
    (["check", "cost"].includes(args[0]!) && (args.includes("--env") || args.includes("--all"))) ||
    (args[0] === "diff" && args.some((a) => ["dev", "qa", "DEV", "k", "overlays", "overlays/dev", "-", "", "3", "0"].includes(a)));

  it("exit 0, 1 or 2 with a one-line message, never a crash", async () => {
    write(path.join(root, "plan.json"), fs.readFileSync(path.join(REPO_ROOT, "test/golden/render/dev/plan.json"), "utf8"));
    write(path.join(root, "k", "kustomization.yaml"), "resources: [cm.yaml]\n");
    write(path.join(root, "k", "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 6 }), async (args) => {
        fc.pre(!renders(args));
        const r = await runCli(args, { cwd: root });
        expect([0, 1, 2], `${args.join(" ")}: ${r.stderr}`).toContain(r.code);
        expect(r.stderr).not.toMatch(/\n\s+at \S.*:\d+:\d+|stackplan: internal error/);
        // A usage error is one message, or the help when no command was given.
        if (r.code === 2) expect(r.stderr).toMatch(/^(stackplan: |Usage: stackplan )/);
      }),
      runs(150),
    );
  });
});

it("the fuzzed example project is still the example (tests share nothing)", () => {
  expect(fs.existsSync(path.join(root, "Pulumi.yaml"))).toBe(true);
});
