#!/usr/bin/env node
/**
 * `npm run bench`: stackplan on synthetic estates of N services × 3 envs (scripts/bench/estate.mjs),
 * written as real projects under bench-results/ (git-ignored). Measures, each over several runs
 * (median and min–max): values (loadEnvironment), the manifest overlay build (buildKustomization
 * with the injected manifests) side by side with `kubectl kustomize` on the equivalent directory
 * (byte-identical outputs required), the offline render per env (one worker), check, diff env →
 * env, `render --all` through the CLI, and render --all + check + diff in a fresh process with
 * peak RSS. Prints a table and writes bench-results/bench.json. Needs dist/ (`npm run build`).
 *
 *   npm run bench [-- --sizes 100,500,2000] [--runs 5] [--render-runs 3] [--kubectl-runs 3]
 *                 [--kubectl-max-objects 1500] [--no-kubectl] [--quick]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ENVS, writeEstate } from "./bench/estate.mjs";
import { findKubectl, runKubectl } from "./bench/kubectl.mjs";
import { evaluateTargets, printReport } from "./bench/report.mjs";
import { cpuProbe, machine, timed } from "./bench/stats.mjs";
import * as step from "./bench/steps.mjs";
import { writeSyntheticKustomization } from "./bench/synthetic.mjs";

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const quick = flag("quick");
const options = {
  sizes: opt("sizes", quick ? "100,500" : "100,500,2000").split(",").map(Number),
  runs: Number(opt("runs", quick ? 3 : 5)),
  renderRuns: Number(opt("render-runs", quick ? 1 : 3)),
  kubectlRuns: Number(opt("kubectl-runs", quick ? 1 : 3)),
  kubectlMaxObjects: Number(opt("kubectl-max-objects", 1500)),
  kubectl: !flag("no-kubectl"),
};
if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes: expected whole numbers, got ${opt("sizes")}`);

const REPO = step.REPO;
const program = path.join(REPO, "dist/stacks/index.js");
if (!fs.existsSync(program)) throw new Error("dist/ is missing: run `npm run build` first");
const results = path.join(REPO, "bench-results");
fs.mkdirSync(results, { recursive: true });
const log = (s) => process.stderr.write(`${s}\n`);

let kubectl;
if (options.kubectl) {
  const found = findKubectl(REPO);
  if (found.kubectl) kubectl = found.kubectl;
  else log(`kubectl kustomize comparison SKIPPED: kubectl is not available (${found.reason})`);
} else log("kubectl kustomize comparison SKIPPED (--no-kubectl)");

// On a shared machine the other tenants' load shows here (ratio 2.0 on an idle 2-core machine).
const probeAtStart = await cpuProbe();
log(`CPU probe: one core ${probeAtStart.soloMs} ms, all cores ${probeAtStart.ratio}× one`);
const estates = [];
for (const n of options.sizes) {
  const root = path.join(results, "estates", `n${n}`);
  log(`\n== estate of ${n} services × ${ENVS.length} envs (${path.relative(REPO, root)})`);
  writeEstate(root, n, program);
  const project = step.loadProject(root);
  const envs = {};
  for (const env of ENVS) {
    log(`${env}: values, overlay build, render, check`);
    const values = step.measureValues(project, env, options.runs);
    const overlay = step.measureOverlay(project, env, options.runs);
    const render = await step.measureRender(project, env, options.renderRuns);
    const check = step.measureCheck(render.plan, options.runs);
    envs[env] = { values, overlay, render, check };
  }
  const diffs = {};
  for (let i = 1; i < ENVS.length; i++) {
    const [from, to] = [ENVS[i - 1], ENVS[i]];
    log(`diff ${from} → ${to}`);
    diffs[`${from}→${to}`] = step.measureDiff(envs[from].render.plan, envs[to].render.plan, options.runs);
  }
  let kubectlResult;
  const prodOverlay = envs.prod.overlay;
  if (kubectl && prodOverlay.objects <= options.kubectlMaxObjects) {
    log(`kubectl kustomize on prod's overlay (${prodOverlay.objects} objects)`);
    kubectlResult = step.measureKubectl(kubectl, prodOverlay, path.join(root, "kubectl-prod"), options.kubectlRuns);
    if (!kubectlResult.identical) log(`MISMATCH: stackplan and kubectl kustomize differ on prod's overlay: ${kubectlResult.difference}`);
  } else if (kubectl) {
    log(`kubectl kustomize on prod's overlay skipped: ${prodOverlay.objects} objects > --kubectl-max-objects ${options.kubectlMaxObjects}`);
  }
  log("render --all (CLI)");
  const renderAllCli = step.measureRenderAllCli(root, path.join(root, "rendered"), options.renderRuns);
  log("render --all + check + diff (fresh process)");
  const pipeline = await step.measurePipeline(root, path.join(root, "rendered"), options.renderRuns);
  estates.push({ services: n, envs: slim(envs), diffs, kubectl: kubectlResult, renderAllCli, pipeline });
}

let synthetic;
if (kubectl) {
  log("\n== the 1,000-object kustomization: stackplan build vs kubectl kustomize");
  const dir = writeSyntheticKustomization(path.join(results, "synthetic-1000"));
  const { buildKustomization, serializeObjects } = await import(path.join(REPO, "dist/src/kustomize/index.js"));
  let ours = "";
  const build = timed(options.runs, () => (ours = serializeObjects(buildKustomization(dir))), { warmup: 1 });
  const k = runKubectl(kubectl, dir, options.kubectlRuns);
  const identical = ours === k.output;
  if (!identical) log("MISMATCH: stackplan and kubectl kustomize differ on the 1,000-object kustomization");
  const { output: _, ...kstats } = k;
  synthetic = { objects: ours.split("\n---\n").length, build, kubectl: kstats, identical, ratio: Math.round((k.medianMs / build.medianMs) * 10) / 10 };
}

const report = { machine: { ...machine(), probeAtStart, probeAtEnd: await cpuProbe() }, options, estates, synthetic };
report.targets = evaluateTargets(report);
fs.writeFileSync(path.join(results, "bench.json"), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(printReport(report));
log(`\nwritten: ${path.relative(process.cwd(), path.join(results, "bench.json"))}`);
const mismatch = estates.some((e) => e.kubectl && !e.kubectl.identical) || (synthetic && !synthetic.identical);
if (mismatch) process.exitCode = 1;

/** The figures of each env, without the plans and objects kept for later steps. */
function slim(envs) {
  return Object.fromEntries(
    Object.entries(envs).map(([env, m]) => {
      const { plan: _p, ...render } = m.render;
      const { yaml: _y, injectedObjects: _i, dir: _d, ...overlay } = m.overlay;
      return [env, { ...m, render, overlay }];
    }),
  );
}
