/**
 * Golden render: `render --all` of the fixture project (test/fixtures/plan/shop) must produce
 * exactly test/golden/render/<env>/ (plan.json and manifests/). Rewrite with UPDATE_GOLDEN=1.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/project/project";
import { renderEnvs } from "../../src/plan/render";
import { snapshotTree } from "../helpers/temp-project";
import { FIXTURE } from "../plan/helpers";
import { expectGoldenTree, GOLDEN_ROOT } from "./golden";

const ENVS = ["dev", "staging", "prod"];
let out: string;
let files: Record<string, Record<string, string>>;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-golden-"));
  await renderEnvs(loadProject(FIXTURE), ENVS, { out });
  files = Object.fromEntries(ENVS.map((env) => [env, snapshotTree(path.join(out, env))]));
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe("golden render of the fixture project", () => {
  it.each(ENVS)("%s matches its golden directory", (env) => {
    expectGoldenTree(path.join(GOLDEN_ROOT, "render", env), files[env]!);
  });

  it("prod runs three replicas with the log shipper first, and no Pulumi-only annotation reaches a manifest", () => {
    const deployment = parse(files.prod!["manifests/deployment-shop-web.yaml"]!);
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(["log-shipper", "web"]);
    const manifests = Object.entries(files.prod!).filter(([rel]) => rel.startsWith("manifests/"));
    expect(manifests.map(([, text]) => text).join("\n")).not.toContain("pulumi.com/");
  });
});
