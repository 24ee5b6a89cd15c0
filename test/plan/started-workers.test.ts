/**
 * Workers are forked before the parent reads the envs' values (they load the SDK meanwhile). Bad
 * input found while reading must stop them: none may outlive the call, and nothing is written.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/project/project";
import { renderEnvs } from "../../src/plan/render";
import { childrenOf, isAlive, waitFor } from "../reliability/spawn";
import { copyFixture, editFile } from "./helpers";

const linux = process.platform === "linux";
const roots: string[] = [];
afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

describe.skipIf(!linux)("pre-started render workers", () => {
  it("are stopped when an env's values are bad, and nothing is written", async () => {
    const root = copyFixture();
    roots.push(root);
    editFile(root, "stacks/Pulumi.prod.yaml", (t) => `${t}  fixture-shop:unexpected: [\n`);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-started-")), "rendered");
    roots.push(path.dirname(out));
    const before = new Set(childrenOf(process.pid));
    await expect(renderEnvs(loadProject(root), ["dev", "staging", "prod"], { out })).rejects.toThrow(/Pulumi\.prod\.yaml/);
    // The workers were forked, then killed: until this process reaps them they are still its children.
    const started = childrenOf(process.pid).filter((pid) => !before.has(pid));
    expect(started).toHaveLength(3);
    await waitFor("the pre-started workers to stop", () => started.every((pid) => !isAlive(pid)), 10_000);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("are all used when the envs render, and none is left behind", async () => {
    const root = copyFixture();
    roots.push(root);
    const before = new Set(childrenOf(process.pid));
    const rendered = await renderEnvs(loadProject(root), ["dev", "staging", "prod"], { concurrency: 2 });
    expect(rendered.map((r) => r.env)).toEqual(["dev", "staging", "prod"]);
    await waitFor("every worker to exit", () => childrenOf(process.pid).filter((pid) => !before.has(pid)).every((pid) => !isAlive(pid)), 10_000);
  });
});
