/**
 * An env's output files: unchanged files of the previous output are hard-linked into the staging
 * directory, everything else is written fresh, and the previous output is never written through.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkIfUnchanged, writeOutputFiles, type OutputFile } from "../../src/plan/output-files";

let tmp: string;
let previous: string;
let staging: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-output-files-"));
  previous = path.join(tmp, "prod");
  staging = path.join(tmp, ".stackplan-tmp-prod");
  fs.mkdirSync(path.join(previous, "manifests"), { recursive: true });
  fs.writeFileSync(path.join(previous, "plan.json"), "{}\n");
  fs.writeFileSync(path.join(previous, "manifests", "a.yaml"), "kind: A\n");
  fs.writeFileSync(path.join(previous, "manifests", "b.yaml"), "kind: B\n");
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const files = (entries: Record<string, string>): OutputFile[] => Object.entries(entries).map(([rel, text]) => [rel, () => text]);
const ino = (file: string) => fs.statSync(file).ino;

describe("writeOutputFiles", () => {
  it("links the unchanged files, writes the changed and new ones, and leaves the previous output as it was", async () => {
    const stats = await writeOutputFiles(
      staging,
      files({ "plan.json": "{}\n", "manifests/a.yaml": "kind: A2\n", "manifests/b.yaml": "kind: B\n", "manifests/c.yaml": "kind: C\n" }),
      previous,
    );
    expect(stats).toEqual({ written: 2, linked: 2 });
    expect(ino(path.join(staging, "plan.json"))).toBe(ino(path.join(previous, "plan.json")));
    expect(ino(path.join(staging, "manifests/b.yaml"))).toBe(ino(path.join(previous, "manifests/b.yaml")));
    expect(ino(path.join(staging, "manifests/a.yaml"))).not.toBe(ino(path.join(previous, "manifests/a.yaml")));
    expect(fs.readFileSync(path.join(staging, "manifests/a.yaml"), "utf8")).toBe("kind: A2\n");
    expect(fs.readFileSync(path.join(staging, "manifests/c.yaml"), "utf8")).toBe("kind: C\n");
    expect(fs.readFileSync(path.join(previous, "manifests/a.yaml"), "utf8")).toBe("kind: A\n");
    expect(fs.existsSync(path.join(previous, "manifests/c.yaml"))).toBe(false);
  });

  it("writes every file without a previous output", async () => {
    const stats = await writeOutputFiles(staging, files({ "plan.json": "{}\n", "manifests/a.yaml": "kind: A\n" }));
    expect(stats).toEqual({ written: 2, linked: 0 });
    expect(fs.statSync(path.join(staging, "plan.json")).nlink).toBe(1);
  });

  it("removing the previous output afterwards leaves the linked files whole", async () => {
    await writeOutputFiles(staging, files({ "plan.json": "{}\n", "manifests/b.yaml": "kind: B\n" }), previous);
    fs.rmSync(previous, { recursive: true });
    expect(fs.readFileSync(path.join(staging, "manifests/b.yaml"), "utf8")).toBe("kind: B\n");
    expect(fs.statSync(path.join(staging, "manifests/b.yaml")).nlink).toBe(1);
  });
});

describe("linkIfUnchanged", () => {
  beforeEach(() => fs.mkdirSync(staging));

  it("refuses a file with other bytes of the same length", () => {
    expect(linkIfUnchanged(path.join(previous, "manifests/a.yaml"), path.join(staging, "a.yaml"), "kind: Z\n")).toBe(false);
    expect(fs.existsSync(path.join(staging, "a.yaml"))).toBe(false);
  });

  it("refuses a missing file and a directory", () => {
    expect(linkIfUnchanged(path.join(previous, "missing.yaml"), path.join(staging, "m.yaml"), "")).toBe(false);
    expect(linkIfUnchanged(path.join(previous, "manifests"), path.join(staging, "d"), "")).toBe(false);
    expect(fs.readdirSync(staging)).toEqual([]);
  });

  it("does not follow a symbolic link, even to a file with the same bytes", () => {
    const outside = path.join(tmp, "outside.yaml");
    fs.writeFileSync(outside, "kind: A\n");
    fs.symlinkSync(outside, path.join(previous, "manifests", "s.yaml"));
    expect(linkIfUnchanged(path.join(previous, "manifests/s.yaml"), path.join(staging, "s.yaml"), "kind: A\n")).toBe(false);
    expect(fs.readdirSync(staging)).toEqual([]);
  });

  it("refuses when the target exists (nothing is written through it)", () => {
    fs.writeFileSync(path.join(staging, "a.yaml"), "other\n");
    expect(linkIfUnchanged(path.join(previous, "manifests/a.yaml"), path.join(staging, "a.yaml"), "kind: A\n")).toBe(false);
    expect(fs.readFileSync(path.join(staging, "a.yaml"), "utf8")).toBe("other\n");
  });
});
