/**
 * The differential corpus: every case under corpus/ is built in-process and must equal, byte for
 * byte, its checked-in expected.yaml (kubectl's output) and — when kubectl can be fetched —
 * a fresh `kubectl kustomize` of the same directory. UPDATE_GOLDEN=1 rewrites expected.yaml
 * from kubectl.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { buildKustomization, serializeObjects } from "../../src/kustomize/index";
import { kubectlKustomize, kubectlPeer } from "./kubectl-peer";

const CORPUS = path.join(__dirname, "corpus");
const cases = fs.readdirSync(CORPUS).filter((d) => fs.statSync(path.join(CORPUS, d)).isDirectory()).sort();

function ours(dir: string): string {
  return serializeObjects(buildKustomization(dir));
}

describe("kustomize corpus (golden)", () => {
  it("has at least 30 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
  it.each(cases)("%s", (c) => {
    const dir = path.join(CORPUS, c);
    const expected = fs.readFileSync(path.join(dir, "expected.yaml"), "utf8");
    expect(ours(dir)).toBe(expected);
  });
});

const peer = kubectlPeer();
if (!peer.kubectl) console.warn(`kustomize differential tests skipped: kubectl unavailable (${peer.reason})`);

describe.skipIf(!peer.kubectl)(`kustomize corpus vs kubectl kustomize${peer.kubectl ? "" : ` (SKIPPED: ${peer.reason})`}`, () => {
  it.each(cases)("%s", (c) => {
    const dir = path.join(CORPUS, c);
    const theirs = kubectlKustomize(peer.kubectl!, dir);
    expect(theirs.code, theirs.stderr).toBe(0);
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(path.join(dir, "expected.yaml"), theirs.stdout);
    expect(ours(dir)).toBe(theirs.stdout);
  });
});
