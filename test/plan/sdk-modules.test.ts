/**
 * The platform program loads the provider SDKs by namespace (components/shared/aws.ts, k8s.ts):
 * rendering the example's prod never loads the index of `@pulumi/aws` or `@pulumi/kubernetes`,
 * which would require every service namespace of the SDK (a quarter of a second each, per worker).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const REPO = path.resolve(__dirname, "../..");
const HOOK = path.join(REPO, "src/plan/ts-hook.cjs");

describe("SDK modules of a render", () => {
  it("renders the example's prod without loading the SDK indexes", () => {
    const src = (f: string) => JSON.stringify(path.join(REPO, "src", f));
    const script = `
      const { loadProject } = require(${src("project/project.ts")});
      const { prepareRender } = require(${src("plan/render-request.ts")});
      const { installMocks, settle } = require(${src("plan/mock-runtime.ts")});
      (async () => {
        const req = prepareRender(loadProject(${JSON.stringify(REPO)}), "prod").request;
        process.env.STACKPLAN_PROJECT_ROOT = req.root;
        const session = await installMocks({ project: req.project, stack: req.env, config: req.config, secretKeys: req.secretKeys, fast: true });
        await require(${JSON.stringify(path.join(REPO, "stacks/index.ts"))})();
        await settle();
        const loaded = (pkg) => Object.keys(require.cache).some((f) => f.endsWith(path.join("node_modules", pkg, "index.js")));
        const types = new Set(session.records.map((r) => r.type.split(":")[0]));
        console.log(JSON.stringify({ aws: loaded("@pulumi/aws"), kubernetes: loaded("@pulumi/kubernetes"), registered: [...types].sort() }));
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const out = JSON.parse(execFileSync(process.execPath, ["--require", HOOK, "-e", `const path = require("node:path");${script}`], { cwd: REPO, encoding: "utf8" }).trim());
    expect(out).toEqual({ aws: false, kubernetes: false, registered: ["aws", "kubernetes", "pulumi", "stackplan"] });
  });
});
