/**
 * What the bench measures on one estate, each step as stackplan runs it: in this process for the
 * engine's pure steps (values, overlay build, check, diff), in worker processes for renders, and
 * in fresh processes for the CLI's `render --all` and the CI pipeline.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { firstDifference, runKubectl, writeEquivalentDir } from "./kubectl.mjs";
import { summarize, timed, timedAsync } from "./stats.mjs";
import { sampleTreeRss } from "./tree-rss.mjs";

const require = createRequire(import.meta.url);
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dist = (p) => require(path.join(REPO, "dist", p));

const { loadProject } = dist("src/project/project.js");
const { loadEnvironment } = dist("src/values/load.js");
const { planManifests, planWorkloads, workloadContext } = dist("components/workload/index.js");
const { baseRawManifests, kustomizationFile } = dist("src/program/manifest-overlays.js");
const { buildKustomization, serializeObjects } = dist("src/kustomize/index.js");
const { renderEnv } = dist("src/plan/render.js");
const { checkPlan } = dist("src/check/evaluate.js");
const { diffPlans } = dist("src/diff/engine.js");
const { formatText } = dist("src/diff/format-text.js");

export { loadProject };

/** Values overlay and templating: `loadEnvironment` (load, merge, template, validate). */
export function measureValues(project, env, runs) {
  return timed(runs, () => loadEnvironment(project, env), { warmup: 1 });
}

/** The env's kustomization and the manifests the program injects into it (steps a and b of the workloads). */
export function overlayInputs(project, env) {
  const loaded = loadEnvironment(project, env);
  const ctx = workloadContext(loaded.spec, loaded.facts, loaded.spec.network.vpcCidr);
  const injected = [...planManifests(planWorkloads(ctx)), ...baseRawManifests(loaded)];
  return { dir: path.dirname(kustomizationFile(loaded)), injected };
}

/** The manifest overlay build: `buildKustomization` with the injected manifests, and its YAML. */
export function measureOverlay(project, env, runs) {
  const { dir, injected } = overlayInputs(project, env);
  let objects = [];
  const build = timed(runs, () => (objects = buildKustomization(dir, { injected })), { warmup: 1 });
  let yaml = "";
  const buildAndYaml = timed(runs, () => (yaml = serializeObjects(buildKustomization(dir, { injected }))), { warmup: 1 });
  return { objects: objects.length, injected: injected.length, build, buildAndYaml, yaml, dir, injectedObjects: injected };
}

/** kubectl kustomize on the equivalent directory, and whether both outputs are byte-identical. */
export function measureKubectl(kubectl, overlay, workDir, runs) {
  const dir = writeEquivalentDir(overlay.dir, serializeObjects(overlay.injectedObjects), workDir);
  const k = runKubectl(kubectl, dir, runs);
  const identical = k.output === overlay.yaml;
  const { output: _, ...stats } = k;
  return { ...stats, identical, ...(identical ? {} : { difference: firstDifference(overlay.yaml, k.output) }), ratio: Math.round((k.medianMs / overlay.buildAndYaml.medianMs) * 10) / 10 };
}

/** The offline render of one env (one worker process): wall time and the worker's peak RSS. */
export async function measureRender(project, env, runs) {
  let last;
  let peak = 0;
  const cpu = [];
  const stats = await timedAsync(runs, async () => {
    last = await renderEnv(project, env);
    peak = Math.max(peak, last.peakRssBytes);
    cpu.push(last.cpuMs);
  });
  return { stats, workerCpu: summarize(cpu), plan: last.plan, resources: last.plan.resources.length, manifests: last.manifestCount, workerPeakRssBytes: peak };
}

export function measureCheck(plan, runs) {
  let findings = 0;
  const stats = timed(runs, () => (findings = checkPlan(plan, { today: "2026-01-01" }).findings.length), { warmup: 1 });
  return { ...stats, findings };
}

/** `diff` between two envs: diffPlans and the text format (what `stackplan diff` prints). */
export function measureDiff(from, to, runs) {
  let bytes = 0;
  const stats = timed(runs, () => (bytes = formatText(diffPlans(from, to, { fromLabel: from.stack, toLabel: to.stack })).length), { warmup: 1 });
  return { ...stats, bytes };
}

/** `stackplan render --all` through the CLI, in a fresh process each run. */
export function measureRenderAllCli(root, out, runs) {
  return timed(runs, () => {
    const r = spawnSync(process.execPath, [path.join(REPO, "bin/stackplan.js"), "render", "--all", "--root", root, "--out", out], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`stackplan render --all failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  });
}

/**
 * render --all + check + diff in a fresh process (pipeline.mjs), each run: wall time, phases, peak
 * RSS of each process and of all of them together (sampled while it runs).
 */
export async function measurePipeline(root, out, runs) {
  const reports = [];
  const wall = await timedAsync(runs, async () => {
    const child = spawn(process.execPath, [path.join(REPO, "scripts/bench/pipeline.mjs"), root, out], { stdio: ["ignore", "pipe", "pipe"] });
    const sampler = sampleTreeRss(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on("close", resolve));
    const treePeak = sampler.stop();
    if (code !== 0) throw new Error(`pipeline failed (exit ${code}):\n${stdout}${stderr}`);
    reports.push({ ...JSON.parse(stdout.trim().split("\n").pop()), treePeakRssBytes: treePeak });
  });
  const phase = (k) => summarize(reports.map((x) => x[k]));
  const trees = reports.map((x) => x.treePeakRssBytes).filter((x) => x !== undefined);
  return {
    wall,
    render: phase("renderMs"),
    check: phase("checkMs"),
    diff: phase("diffMs"),
    cpu: summarize(reports.map((x) => x.parentCpuMs + x.workerCpuMs.reduce((a, b) => a + b, 0))),
    parentPeakRssBytes: Math.max(...reports.map((x) => x.parentPeakRssBytes)),
    workerPeakRssBytes: Math.max(...reports.flatMap((x) => x.workerPeakRssBytes)),
    workersPeakRssSumBytes: Math.max(...reports.map((x) => x.workerPeakRssBytes.reduce((a, b) => a + b, 0))),
    ...(trees.length ? { allProcessesPeakRssBytes: Math.max(...trees) } : {}),
    findings: reports[0].findings,
  };
}

export function removeDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
}
