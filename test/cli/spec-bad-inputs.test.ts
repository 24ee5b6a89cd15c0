/**
 * Bad inputs of the values pipeline (issue 2): each gives one clear message naming the file, the
 * path and the line, exit code 2, no stack trace, nothing written.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";
import { copyExampleProject, snapshotTree } from "../helpers/temp-project";

let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function edit(rel: string, fn: (text: string) => string): void {
  const file = path.join(root, rel);
  fs.writeFileSync(file, fn(fs.readFileSync(file, "utf8")));
}

/** 1-based line of the first line of `rel` containing `needle` (the example files move as they grow). */
function lineOf(rel: string, needle: string): number {
  return fs.readFileSync(path.join(root, rel), "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;
}

const cases: Array<{ name: string; mutate: () => void; env?: string; message: string | RegExp | (() => string) }> = [
  {
    name: "unknown env",
    mutate: () => {},
    env: "qa",
    message: 'stackplan: stacks/Pulumi.qa.yaml: unknown env "qa": no stack file; known envs: dev, prod, staging\n',
  },
  {
    name: "malformed YAML",
    mutate: () => edit("overlays/dev/values.yaml", (t) => t.replace("  azCount: 2", "  azCount: [2")),
    message: /^stackplan: overlays\/dev\/values\.yaml:\d+:\d+: invalid YAML: .+\n$/,
  },
  {
    name: "a value of the wrong type",
    mutate: () => edit("overlays/dev/values.yaml", (t) => t.replace("nat: single", "nat: 1")),
    message: 'stackplan: overlays/dev/values.yaml:7:3: network.nat: expected one of "perAz", "single", "none"; got 1\n',
  },
  {
    name: "a string where a number is expected",
    mutate: () => edit("overlays/dev/values.yaml", (t) => t.replace("  azCount: 2", '  azCount: "two"')),
    message: 'stackplan: overlays/dev/values.yaml:6:3: network.azCount: expected a number, got a string "two"\n',
  },
  {
    name: "an unknown key (a typo)",
    mutate: () => edit("overlays/dev/values.yaml", (t) => t.replace("web: { replicas: 1,", "web: { replcas: 1,")),
    message: 'stackplan: overlays/dev/values.yaml:29:10: services.web.replcas: unknown key "replcas" (did you mean "replicas"?)\n',
  },
  {
    name: "an extends cycle",
    mutate: () => edit("overlays/shared-nonprod/values.yaml", (t) => `extends: dev\n${t}`),
    message: "stackplan: overlays/shared-nonprod/values.yaml:1:1: extends: extends cycle: dev → shared-nonprod → dev\n",
  },
  {
    name: "an extends naming a layer that does not exist",
    mutate: () => edit("overlays/dev/values.yaml", (t) => t.replace("extends: shared-nonprod", "extends: shared-nonpord")),
    message: 'stackplan: overlays/dev/values.yaml:2:1: extends: unknown layer "shared-nonpord": overlays/shared-nonpord/ does not exist\n',
  },
  {
    name: "a missing base",
    mutate: () => fs.rmSync(path.join(root, "overlays/base/values.yaml")),
    message: "stackplan: overlays/base/values.yaml: missing base values: every environment starts from overlays/base/values.yaml\n",
  },
  {
    name: "an unknown handlebars name",
    mutate: () => edit("overlays/base/values.yaml", (t) => t.replace('"{{values.platform.name}}-{{env.name}}"', '"{{values.platform.nmae}}-{{env.name}}"')),
    message: 'stackplan: overlays/base/values.yaml:30:3: cluster.name: unknown template name "values.platform.nmae"; values.platform has: name, namespace, tags\n',
  },
  {
    name: "an unknown env fact in a template",
    mutate: () => edit("overlays/base/values.yaml", (t) => t.replace('environment: "{{env.name}}"', 'environment: "{{env.stage}}"')),
    message: /^stackplan: overlays\/base\/values\.yaml:11:5: platform\.tags\.environment: unknown template name "env\.stage"; env has: name, region, account, overlay, order, class, isProduction\n$/,
  },
  {
    name: "a stack file without its overlay",
    mutate: () => edit("stacks/Pulumi.dev.yaml", (t) => t.replace("stackplan:overlay: dev", "stackplan:overlay: development")),
    message: 'stackplan: stacks/Pulumi.dev.yaml: config.stackplan:overlay: unknown layer "development": overlays/development/ does not exist\n',
  },
  {
    name: "a stack file with a malformed account",
    mutate: () => edit("stacks/Pulumi.dev.yaml", (t) => t.replace('"111111111111"', "1111")),
    message: /^stackplan: stacks\/Pulumi\.dev\.yaml:\d+:\d+: config\["stackplan:account"\]: expected a string, got a number 1111\n$/,
  },
  {
    name: "a reference to a node group that does not exist",
    mutate: () => edit("overlays/base/values.yaml", (t) => t.replace("nodeGroup: batch", "nodeGroup: batches")),
    message: () =>
      `stackplan: overlays/base/values.yaml:${lineOf("overlays/base/values.yaml", "nodeGroup: batches")}:5: services.worker.nodeGroup: unknown node group "batches"; node groups: general, batch\n`,
  },
];

describe("stackplan spec: bad inputs", () => {
  it.each(cases)("$name", async ({ mutate, env, message }) => {
    root = copyExampleProject();
    mutate();
    const before = snapshotTree(root);
    const res = await runCli(["spec", "--env", env ?? "dev"], { cwd: root });
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    if (typeof message === "function") expect(res.stderr).toBe(message());
    else if (typeof message === "string") expect(res.stderr).toBe(message);
    else expect(res.stderr).toMatch(message);
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshotTree(root)).toEqual(before);
  });

  it("reports every problem of the values together", async () => {
    root = copyExampleProject();
    edit("overlays/dev/values.yaml", (t) => t.replace("nat: single", "nat: sometimes").replace("cart: { replicas: 1 }", "cart: { replicas: -1 }"));
    const res = await runCli(["spec", "--env", "dev"], { cwd: root });
    expect(res.code).toBe(2);
    const lines = res.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("stackplan: 2 problems in the values:");
    expect(lines.slice(1).map((l) => l.trim().split(": ").slice(0, 2).join(": "))).toEqual([
      "overlays/dev/values.yaml:7:3: network.nat",
      "overlays/dev/values.yaml:31:11: services.cart.replicas",
    ]);
  });

  it("refuses usage errors with exit code 2", async () => {
    root = copyExampleProject();
    const missing = await runCli(["spec"], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--env <env>' not specified");
    const unknown = await runCli(["spec", "--env", "dev", "--bogus"], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--bogus'");
  });

  it("refuses to run outside a project", async () => {
    root = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "stackplan-empty-"));
    const res = await runCli(["spec", "--env", "dev"], { cwd: root });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/no Pulumi\.yaml here or in any parent directory/);
  });
});
