/**
 * Bad inputs of render and diff (issue 5): each gives one clear message, exit code 2, no stack
 * trace, and leaves the previous output exactly as it was.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotTree } from "../helpers/temp-project";
import { cli, copyFixture } from "../plan/helpers";

let root: string;
const OLD = { "dev/plan.json": "previous plan\n", "dev/manifests/kustomization.yaml": "previous\n" };

/** The program replaced by `body` (CommonJS; `pulumi` and `aws` in scope). */
function program(body: string): string {
  return `"use strict";\nconst pulumi = require("@pulumi/pulumi");\nconst aws = require("@pulumi/aws");\nmodule.exports = async () => {\n${body}\n};\n`;
}

beforeAll(() => {
  root = copyFixture();
  for (const [rel, text] of Object.entries(OLD)) {
    fs.mkdirSync(path.dirname(path.join(root, "rendered", rel)), { recursive: true });
    fs.writeFileSync(path.join(root, "rendered", rel), text);
  }
  fs.writeFileSync(path.join(root, "a-file"), "not a directory\n");
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly program?: string;
  readonly message: string | RegExp;
}

const cases: Case[] = [
  { name: "an unknown env", args: ["render", "--env", "qa"], message: 'stackplan: stacks/Pulumi.qa.yaml: unknown env "qa": no stack file; known envs: dev, prod, staging\n' },
  { name: "neither --env nor --all", args: ["render"], message: "stackplan: pass --env <env> or --all (known envs: dev, prod, staging)\n" },
  { name: "an out path that is a file", args: ["render", "--env", "dev", "--out", "a-file"], message: /^stackplan: .*a-file: exists and is not a directory; expected an output directory\n$/ },
  { name: "a bad timeout", args: ["render", "--env", "dev", "--timeout", "soon"], message: 'stackplan: --timeout "soon": expected a number of seconds greater than 0\n' },
  {
    name: "a component error",
    args: ["render", "--env", "dev"],
    program: program(
      `new aws.s3.Bucket("logs", {});\nconst e = new Error("x"); e.name = "ComponentError"; e.component = 'stackplan:network:Network "core"'; e.resource = "core-private-use1-az3"; e.reason = "use1-az3 cannot host EKS control-plane subnets"; throw e;`,
    ),
    message: 'stackplan: render dev: stackplan:network:Network "core" › "core-private-use1-az3": use1-az3 cannot host EKS control-plane subnets\n',
  },
  {
    name: "an input error raised by the program",
    args: ["render", "--env", "dev"],
    program: program(`const e = new Error("x"); e.name = "InputError"; e.problems = [{ file: "overlays/dev/values.yaml", line: 7, column: 3, path: "network.azCount", message: "expected a number" }]; throw e;`),
    message: "stackplan: overlays/dev/values.yaml:7:3: network.azCount: expected a number\n",
  },
  {
    name: "any other program error",
    args: ["render", "--env", "dev"],
    program: program(`new aws.s3.Bucket("logs", {});\nthrow new TypeError("cannot read properties of undefined (reading 'azs')");`),
    message: `stackplan: render dev: the program failed: cannot read properties of undefined (reading 'azs') (last resource registered: aws:s3/bucket:Bucket "logs")\n`,
  },
  {
    name: "a program that never finishes",
    // Long enough for the worker to load the SDK and register once on a busy machine (the suite
    // runs renders side by side), so that the message can name the resource.
    args: ["render", "--env", "dev", "--timeout", "8"],
    program: program(`new aws.s3.Bucket("logs", {});\nawait new Promise(() => setInterval(() => {}, 1000));`),
    message: 'stackplan: render dev: the program did not finish within 8 s (last resource registered: aws:s3/bucket:Bucket "logs"); pass --timeout <seconds> to allow more\n',
  },
  {
    name: "a program that exits",
    args: ["render", "--env", "dev"],
    program: program(`console.error("giving up");\nprocess.exit(3);`),
    message: "stackplan: render dev: the program's process exited with code 3 before finishing; its last output:\n    giving up\n",
  },
  { name: "an unknown diff format", args: ["diff", "--from", "dev", "--to", "prod", "--format", "html"], message: 'stackplan: --format "html": expected one of text, json, markdown\n' },
  { name: "a git ref that does not exist", args: ["diff", "--from", "no-such-branch:prod", "--to", "prod"], message: /^stackplan: (.*: not inside a git repository; a git ref \(ref:env\) needs one|unknown git ref "no-such-branch": no such branch, tag or commit in .*)\n$/ },
  {
    name: "a diff side that is neither env, directory nor ref",
    args: ["diff", "--from", "rendered/nope/", "--to", "prod"],
    message: 'stackplan: --from "rendered/nope/": expected an env name (prod), a rendered env directory holding plan.json (rendered/prod) or <git ref>:<env> (main:prod)\n',
  },
  { name: "an unknown env in a diff", args: ["diff", "--from", "dev", "--to", "qa"], message: 'stackplan: stacks/Pulumi.qa.yaml: unknown env "qa": no stack file; known envs: dev, prod, staging\n' },
];

describe("render and diff: bad input", () => {
  it.each(cases)("$name", async (c) => {
    const programFile = path.join(root, "program", "index.js");
    const original = fs.readFileSync(programFile, "utf8");
    if (c.program) fs.writeFileSync(programFile, c.program);
    const before = snapshotTree(path.join(root, "rendered"));
    try {
      const r = await cli(c.args, root);
      expect(r.code).toBe(2);
      if (typeof c.message === "string") expect(r.stderr).toBe(c.message);
      else expect(r.stderr).toMatch(c.message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).not.toContain("Rendered");
      expect(snapshotTree(path.join(root, "rendered"))).toEqual(before);
      expect(fs.readdirSync(path.join(root, "rendered")).filter((f) => f.startsWith(".stackplan-tmp-"))).toEqual([]);
    } finally {
      fs.writeFileSync(programFile, original);
    }
  });

  it("writes nothing at all when the output directory did not exist", async () => {
    const r = await cli(["render", "--env", "qa", "--out", "fresh-out"], root);
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(root, "fresh-out"))).toBe(false);
  });
});
