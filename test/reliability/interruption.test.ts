/**
 * Interruption (issue 9): `render --all` killed midway — SIGTERM or SIGKILL of the CLI process
 * while its workers run, or SIGKILL while it stages the outputs — leaves the previous output
 * byte for byte, its workers do not outlive it, and whatever temporaries a SIGKILL leaves do not
 * break the next run, which cleans them up. On the small fixture project (test/fixtures/plan/shop):
 * the same render engine, a quicker program.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshot } from "../bad-inputs/corpus";
import { copyFixture } from "../plan/helpers";
import { childrenOf, isAlive, run, start, waitFor } from "./spawn";

const linux = process.platform === "linux";
let root: string;
let out: string;
let previous: Record<string, string>;

const isTemporary = (f: string) => /(^|\/)\.stackplan-tmp-|\.stackplan-old(\/|$)/.test(f);
const temporaries = () => Object.keys(snapshot(out)).filter((f) => isTemporary(f) && f.endsWith("/") && !f.slice(0, -1).includes("/"));
const lasting = () => Object.fromEntries(Object.entries(snapshot(out)).filter(([f]) => !isTemporary(f)));

beforeAll(async () => {
  root = copyFixture();
  out = path.join(root, "rendered");
  const first = await run(["render", "--all"], { cwd: root });
  expect(first.code, first.stderr).toBe(0);
  previous = snapshot(out);
  // The next render differs from the previous one: a mix of old and new would show.
  const dev = path.join(root, "stacks/Pulumi.dev.yaml");
  fs.writeFileSync(dev, fs.readFileSync(dev, "utf8").replace("fixture-shop:replicas: 1", "fixture-shop:replicas: 2"));
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Start `render --all`, wait for `ready`, send `signal`; return the workers it had. */
async function interrupt(signal: NodeJS.Signals, ready: (pid: number) => boolean) {
  const { child, done } = start(["render", "--all"], { cwd: root });
  const workers = new Set<number>();
  await waitFor("the moment to interrupt", () => {
    for (const w of childrenOf(child.pid!)) workers.add(w);
    return ready(child.pid!);
  });
  child.kill(signal);
  const result = await done;
  await waitFor("the workers to stop", () => [...workers].every((w) => !isAlive(w)), 10_000);
  return { result, workers };
}

describe.skipIf(!linux)("interrupted renders", () => {
  it("SIGTERM while workers run: exit 130, previous output byte for byte, no temporaries, no workers left", async () => {
    const { result, workers } = await interrupt("SIGTERM", (pid) => childrenOf(pid).length > 0);
    expect(workers.size).toBeGreaterThan(0);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe("stackplan: interrupted; previous outputs are untouched\n");
    expect(snapshot(out)).toEqual(previous);
  });

  it("SIGKILL while workers run: previous output byte for byte, the workers stop with it", async () => {
    const { result, workers } = await interrupt("SIGKILL", (pid) => childrenOf(pid).length > 0);
    expect(result.signal).toBe("SIGKILL");
    expect(workers.size).toBeGreaterThan(0);
    expect(lasting()).toEqual(previous);
  });

  it("SIGKILL while staging outputs: previous output byte for byte", async () => {
    const { result } = await interrupt("SIGKILL", () => temporaries().length > 0);
    expect(result.signal).toBe("SIGKILL");
    expect(lasting()).toEqual(previous);
  });

  it("the next run cleans up what a SIGKILL left and writes the new output", async () => {
    const next = await run(["render", "--all"], { cwd: root });
    expect(next.code, next.stderr).toBe(0);
    expect(temporaries()).toEqual([]);
    const now = snapshot(out);
    expect(Object.keys(now).sort()).toEqual(Object.keys(previous).sort());
    expect(now["dev/manifests/deployment-shop-web.yaml"]).not.toBe(previous["dev/manifests/deployment-shop-web.yaml"]);
    expect(now["prod/plan.json"]).toBe(previous["prod/plan.json"]);
  });
});
