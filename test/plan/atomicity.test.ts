/**
 * Atomic outputs: `render --all` swaps every env's directory in only when every env rendered;
 * a failed, interrupted or killed render leaves the previous output as it was, with no
 * temporaries behind.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/project/project";
import { renderEnvs } from "../../src/plan/render";
import { snapshotTree } from "../helpers/temp-project";
import { cli, copyFixture, editFile } from "./helpers";

let root: string;
let out: string;
let previous: Record<string, string>;

const temporaries = () => fs.readdirSync(out).filter((f) => f.startsWith(".stackplan-tmp-"));

beforeAll(async () => {
  root = copyFixture();
  out = path.join(root, "rendered");
  const r = await cli(["render", "--all"], root);
  expect(r.code).toBe(0);
  previous = snapshotTree(out);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("atomic render outputs", () => {
  it("renders every env of --all into rendered/<env>", () => {
    expect(Object.keys(previous).filter((f) => f.endsWith("plan.json")).sort()).toEqual(["dev/plan.json", "prod/plan.json", "staging/plan.json"]);
  });

  it("keeps every previous env when one env fails (no mix of old and new envs)", async () => {
    editFile(root, "stacks/Pulumi.dev.yaml", (t) => t.replace("replicas: 1", "replicas: 2"));
    editFile(root, "program/index.js", (t) => t.replace("module.exports = async () => {", 'module.exports = async () => {\n  if (pulumi.getStack() === "prod") throw new Error("prod is broken");'));
    try {
      const r = await cli(["render", "--all"], root);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("stackplan: render prod: the program failed: prod is broken\n");
      expect(snapshotTree(out)).toEqual(previous);
      expect(temporaries()).toEqual([]);
    } finally {
      editFile(root, "program/index.js", (t) => t.replace('\n  if (pulumi.getStack() === "prod") throw new Error("prod is broken");', ""));
      editFile(root, "stacks/Pulumi.dev.yaml", (t) => t.replace("replicas: 2", "replicas: 1"));
    }
  });

  it("keeps the previous output when the render is interrupted", async () => {
    const controller = new AbortController();
    const run = renderEnvs(loadProject(root), ["dev", "staging", "prod"], {
      out,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.state === "running") controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/cancelled/);
    expect(snapshotTree(out)).toEqual(previous);
    expect(temporaries()).toEqual([]);
  });

  it("puts back the previous output a crash left between the two renames of a swap", async () => {
    fs.renameSync(path.join(out, "dev"), path.join(out, "dev.stackplan-old"));
    const r = await cli(["render", "--env", "staging"], root);
    expect(r.code).toBe(0);
    await renderEnvs(loadProject(root), ["dev"], { out });
    expect(snapshotTree(out)).toEqual(previous);
  });

  it("re-renders into the same files where nothing changed: hard links, not new files", async () => {
    const inodes = (dir: string) =>
      Object.fromEntries(
        fs
          .readdirSync(dir, { recursive: true, encoding: "utf8" })
          .filter((f) => fs.statSync(path.join(dir, f)).isFile())
          .map((f) => [f, fs.statSync(path.join(dir, f)).ino]),
      );
    const before = inodes(path.join(out, "dev"));
    editFile(root, "stacks/Pulumi.dev.yaml", (t) => t.replace("replicas: 1", "replicas: 2"));
    try {
      await renderEnvs(loadProject(root), ["dev"], { out });
      const after = inodes(path.join(out, "dev"));
      const changed = Object.keys(after).filter((f) => after[f] !== before[f]).sort();
      // A second replica brings a PodDisruptionBudget setting with it.
      expect(changed).toEqual(["manifests/deployment-shop-web.yaml", "manifests/poddisruptionbudget-shop-web.yaml", "plan.json"]);
      expect(fs.readFileSync(path.join(out, "dev/manifests/deployment-shop-web.yaml"), "utf8")).toContain("replicas: 2");
      for (const f of Object.keys(after)) expect(fs.statSync(path.join(out, "dev", f)).nlink).toBe(1);
      expect(temporaries()).toEqual([]);
    } finally {
      editFile(root, "stacks/Pulumi.dev.yaml", (t) => t.replace("replicas: 2", "replicas: 1"));
      await renderEnvs(loadProject(root), ["dev"], { out });
    }
    expect(snapshotTree(out)).toEqual(previous);
  });
});
