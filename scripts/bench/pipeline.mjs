#!/usr/bin/env node
/**
 * One CI pass over an estate, in a fresh process started by the bench: `render --all` (every env
 * in its worker process, outputs written), `check` of every env, and the text `diff` of each
 * promotion (dev → staging → prod). Prints one JSON line: the time of each phase, this process's
 * peak RSS and each worker's (as the workers report it).
 *
 *   node scripts/bench/pipeline.mjs <estate dir> <out dir>
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/src");
const { loadProject } = require(path.join(dist, "project/project.js"));
const { listStacks } = require(path.join(dist, "project/stack-config.js"));
const { renderEnvs } = require(path.join(dist, "plan/render.js"));
const { checkPlan } = require(path.join(dist, "check/evaluate.js"));
const { diffPlans } = require(path.join(dist, "diff/engine.js"));
const { formatText } = require(path.join(dist, "diff/format-text.js"));

const [root, out] = process.argv.slice(2);
const t0 = performance.now();
const project = loadProject(root);
const envs = listStacks(project).map((s) => s.facts.name);
const rendered = await renderEnvs(project, envs, { out });
const t1 = performance.now();
const findings = rendered.map((r) => checkPlan(r.plan, { today: "2026-01-01" }).findings.length);
const t2 = performance.now();
const diffBytes = rendered.slice(1).map((r, i) => formatText(diffPlans(rendered[i].plan, r.plan, { fromLabel: rendered[i].env, toLabel: r.env })).length);
const t3 = performance.now();
process.stdout.write(
  `${JSON.stringify({
    envs,
    renderMs: t1 - t0,
    checkMs: t2 - t1,
    diffMs: t3 - t2,
    resources: rendered.map((r) => r.plan.resources.length),
    findings,
    diffBytes,
    parentPeakRssBytes: process.resourceUsage().maxRSS * 1024,
    workerPeakRssBytes: rendered.map((r) => r.peakRssBytes),
    parentCpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    workerCpuMs: rendered.map((r) => r.cpuMs),
  })}\n`,
);
