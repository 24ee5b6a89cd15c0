/**
 * A render worker defers the modules the Pulumi SDK loads for closure serialization: requiring
 * @pulumi/pulumi no longer loads npm's arborist, and code that does read a deferred module gets
 * the real one.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const HOOK = path.resolve(__dirname, "../../src/plan/ts-hook.cjs");
const MODULE = path.resolve(__dirname, "../../src/plan/deferred-modules.ts");

describe("deferred modules of a render worker", () => {
  it("keeps arborist unloaded under @pulumi/pulumi, and loads a deferred module on first use", () => {
    const script = `
      const d = require(${JSON.stringify(MODULE)});
      d.deferUnusedModules();
      require("@pulumi/pulumi");
      const arborist = () => Object.keys(require.cache).some((f) => f.includes("@npmcli/arborist"));
      const others = ["normalize-package-data", "upath", "js-yaml", "@opentelemetry/api"].filter((m) => Object.keys(require.cache).some((f) => f.includes("/node_modules/" + m + "/")));
      const before = { arborist: arborist(), others, loaded: d.loadedDeferredModules() };
      const ts = require("typescript");
      const kind = typeof ts.SyntaxKind.Identifier;
      const A = require("@npmcli/arborist");
      const ctor = typeof A.Arborist;
      console.log(JSON.stringify({ before, kind, ctor, after: { arborist: arborist(), loaded: d.loadedDeferredModules().sort() } }));`;
    const out = JSON.parse(execFileSync(process.execPath, ["--require", HOOK, "-e", script], { encoding: "utf8" }).trim());
    expect(out).toEqual({
      before: { arborist: false, others: [], loaded: [] },
      kind: "number",
      ctor: "function",
      after: { arborist: true, loaded: ["@npmcli/arborist", "typescript"] },
    });
  });
});
