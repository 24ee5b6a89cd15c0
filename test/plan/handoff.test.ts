/**
 * The values a render loads are handed to the program in its worker (src/values/handoff.ts):
 * the program takes them only for its own project, stack and facts, and only when it runs the
 * same copy of stackplan — and the render is byte for byte what the program gives when it loads
 * the values itself.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/project/project";
import { loadStackConfig } from "../../src/project/stack-config";
import { renderEnv } from "../../src/plan/render";
import { handOver, publishHandedEnvironment, takeHandedEnvironment } from "../../src/values/handoff";
import { layerLocator, loadEnvironment } from "../../src/values/load";
import { REPO_ROOT, snapshotTree } from "./helpers";

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
  publishHandedEnvironment(undefined);
});

/** The example platform with its program run from the sources (the worker's TS hook): the same stackplan as this test's. */
function exampleFromSources(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-handoff-"));
  temps.push(root);
  for (const d of ["overlays", "stacks"]) fs.cpSync(path.join(REPO_ROOT, d), path.join(root, d), { recursive: true });
  fs.rmSync(path.join(root, "stacks", "index.ts"));
  const pulumiYaml = fs.readFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), "utf8").replace(/^main: .*$/m, `main: ${path.join(REPO_ROOT, "stacks", "index.ts")}`);
  fs.writeFileSync(path.join(root, "Pulumi.yaml"), pulumiYaml);
  return root;
}

describe("values handed from the render to its program", () => {
  it("are taken only for the same project, stack and facts", () => {
    const project = loadProject(REPO_ROOT);
    const prod = loadEnvironment(project, "prod");
    publishHandedEnvironment(handOver(prod));
    const taken = takeHandedEnvironment(project, loadStackConfig(project, "prod"));
    expect(taken?.spec).toEqual(prod.spec);
    expect(taken?.values).toEqual(prod.values);
    expect(takeHandedEnvironment(project, loadStackConfig(project, "staging"))).toBeUndefined();
    expect(takeHandedEnvironment({ ...project, root: "/elsewhere" }, loadStackConfig(project, "prod"))).toBeUndefined();
    const stack = loadStackConfig(project, "prod");
    expect(takeHandedEnvironment(project, { ...stack, facts: { ...stack.facts, region: "eu-west-1" } })).toBeUndefined();
    publishHandedEnvironment({ ...handOver(prod), producer: "/another/copy/of/handoff.js" });
    expect(takeHandedEnvironment(project, loadStackConfig(project, "prod"))).toBeUndefined();
  });

  it("locate values in the layers' files as the loaded env does", () => {
    const project = loadProject(REPO_ROOT);
    const prod = loadEnvironment(project, "prod");
    publishHandedEnvironment(handOver(prod));
    const taken = takeHandedEnvironment(project, loadStackConfig(project, "prod"))!;
    for (const p of [["cluster", "version"], ["services", "web", "scaling"], ["nodeGroups"], ["no", "such", "key"]]) {
      expect(layerLocator(taken.layers)(p)).toEqual(layerLocator(prod.layers)(p));
    }
    expect(taken.layers.map((l) => [l.name, l.extends, l.values])).toEqual(prod.layers.map((l) => [l.name, l.extends, l.values]));
  });

  it("render the same bytes as a program that loads its values itself", async () => {
    const handed = exampleFromSources();
    const a = await renderEnv(loadProject(handed), "prod", { out: path.join(handed, "rendered") });
    // The example's own program is the compiled one (dist/): another copy of stackplan, so it loads the values itself.
    const own = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-handoff-out-"));
    temps.push(own);
    const b = await renderEnv(loadProject(REPO_ROOT), "prod", { out: own });
    expect([a.valuesFromParent, b.valuesFromParent]).toEqual([true, false]);
    expect(snapshotTree(path.join(handed, "rendered", "prod"))).toEqual(snapshotTree(path.join(own, "prod")));
  });
});
