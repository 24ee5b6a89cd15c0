/** The bench's table and its verdict on the targets (issue 8). */
import { mib } from "./stats.mjs";

const ms = (s) => (s.medianMs >= 10000 ? `${(s.medianMs / 1000).toFixed(1)} s` : `${Math.round(s.medianMs)} ms`);
const spread = (s) => (s.runs > 1 ? ` (${Math.round(s.minMs)}–${Math.round(s.maxMs)})` : "");
const cell = (s) => (s ? `${ms(s)}${spread(s)}` : "—");

/** Time per doubling of N between two estates: (t₂/t₁)^(1/log₂(N₂/N₁)). */
export function perDoubling(n1, t1, n2, t2) {
  return Math.round((t2 / t1) ** (1 / Math.log2(n2 / n1)) * 100) / 100;
}

/** Peak RSS of the pipeline runs: the parent, the largest worker, and all processes at once (sampled on Linux). */
function rss(p) {
  return { parentMiB: mib(p.parentPeakRssBytes), workerMaxMiB: mib(p.workerPeakRssBytes), allMiB: p.allProcessesPeakRssBytes === undefined ? undefined : mib(p.allProcessesPeakRssBytes) };
}

export function evaluateTargets(report) {
  const targets = [];
  if (report.synthetic) {
    targets.push({ target: "manifest overlay build ≥ 20× faster than kubectl kustomize (1,000 objects)", value: `${report.synthetic.ratio}×`, met: report.synthetic.ratio >= 20 && report.synthetic.identical });
  }
  const e500 = report.estates.find((e) => e.services === 500);
  if (e500) targets.push({ target: "render --all + check + diff, 500 services × 3 envs ≤ 10 s", value: ms(e500.pipeline.wall), met: e500.pipeline.wall.medianMs <= 10000 });
  for (const e of report.estates) {
    const r = rss(e.pipeline);
    targets.push({
      target: `peak RSS ≤ 1 GiB (${e.services} services; largest process)`,
      value: `parent ${r.parentMiB} MiB, largest worker ${r.workerMaxMiB} MiB`,
      met: Math.max(r.parentMiB, r.workerMaxMiB) <= 1024,
    });
    if (r.allMiB !== undefined) {
      targets.push({ target: `peak RSS ≤ 1 GiB (${e.services} services; all processes at once)`, value: `${r.allMiB} MiB`, met: r.allMiB <= 1024 });
    }
  }
  const sorted = [...report.estates].sort((a, b) => a.services - b.services);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    const f = perDoubling(a.services, a.pipeline.wall.medianMs, b.services, b.pipeline.wall.medianMs);
    targets.push({ target: `doubling N costs ≤ 2.2× (render --all + check + diff, ${a.services} → ${b.services})`, value: `${f}× per doubling`, met: f <= 2.2 });
  }
  return targets;
}

export function printReport(report) {
  const m = report.machine;
  const es = report.estates;
  const rows = [];
  const row = (label, f) => rows.push([label, ...es.map((e) => f(e) ?? "—")]);
  row("services × envs", (e) => `${e.services} × 3`);
  row("plan resources (dev/staging/prod)", (e) => ["dev", "staging", "prod"].map((x) => e.envs[x].render.resources).join("/"));
  row("overlay objects (prod)", (e) => String(e.envs.prod.overlay.objects));
  row("values: loadEnvironment (prod)", (e) => cell(e.envs.prod.values));
  row("overlay build: buildKustomization (prod)", (e) => cell(e.envs.prod.overlay.build));
  row("  … and its YAML (serializeObjects)", (e) => cell(e.envs.prod.overlay.buildAndYaml));
  row("  kubectl kustomize, same overlay", (e) => (e.kubectl ? `${cell(e.kubectl)}: ${e.kubectl.ratio}× ${e.kubectl.identical ? "identical" : "MISMATCH"}` : undefined));
  for (const env of ["dev", "staging", "prod"]) row(`render ${env} (one worker)`, (e) => cell(e.envs[env].render.stats));
  row("  worker CPU time (prod)", (e) => cell(e.envs.prod.render.workerCpu));
  row("check (prod)", (e) => cell(e.envs.prod.check));
  for (const d of Object.keys(es[0]?.diffs ?? {})) row(`diff ${d} (+ text)`, (e) => cell(e.diffs[d]));
  row("render --all (CLI)", (e) => cell(e.renderAllCli));
  row("render --all + check + diff", (e) => cell(e.pipeline.wall));
  row("  of which check / diff", (e) => `${ms(e.pipeline.check)} / ${ms(e.pipeline.diff)}`);
  row("  CPU time, all processes", (e) => cell(e.pipeline.cpu));
  row("peak RSS: parent / largest worker", (e) => `${mib(e.pipeline.parentPeakRssBytes)} / ${mib(e.pipeline.workerPeakRssBytes)} MiB`);
  row("peak RSS: all processes at once", (e) => (e.pipeline.allProcessesPeakRssBytes === undefined ? undefined : `${mib(e.pipeline.allProcessesPeakRssBytes)} MiB`));
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  const out = [
    `stackplan bench — ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}`,
    `CPU probe (a 3e8-step loop on one core; all cores at once): ${m.probeAtStart.soloMs} ms, ${m.probeAtStart.ratio}× at start; ${m.probeAtEnd.soloMs} ms, ${m.probeAtEnd.ratio}× at end`,
    `medians of ${report.options.runs} runs (renders and CLI: ${report.options.renderRuns}; kubectl: ${report.options.kubectlRuns}), min–max in brackets`,
    "",
    line(["", ...es.map((e) => `N = ${e.services}`)]),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.slice(1).map(line),
  ];
  if (report.synthetic) {
    const s = report.synthetic;
    out.push("", `1,000-object kustomization (${s.objects} objects): stackplan ${cell(s.build)}, kubectl kustomize ${cell(s.kubectl)}: ${s.ratio}×, ${s.identical ? "identical output" : "OUTPUT MISMATCH"}`);
  }
  out.push("", "Targets:", ...report.targets.map((t) => `  ${t.met ? "met    " : "NOT MET"}  ${t.target}: ${t.value}`));
  return `${out.join("\n")}\n`;
}
