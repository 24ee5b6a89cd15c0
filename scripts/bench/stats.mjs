/** Timing helpers of the bench: several runs, median and spread, and the machine they ran on. */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";

/** Summary of a list of durations (ms). */
export function summarize(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  const round = (x) => Math.round(x * 10) / 10;
  return { runs: s.length, medianMs: round(median), minMs: round(s[0]), maxMs: round(s[s.length - 1]), samplesMs: ms.map(round) };
}

/** Run `fn` `runs` times (after `warmup` unmeasured runs) and summarize. */
export function timed(runs, fn, { warmup = 0 } = {}) {
  for (let i = 0; i < warmup; i++) fn(i);
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    ms.push(performance.now() - t);
  }
  return summarize(ms);
}

/** `timed` for async functions. */
export async function timedAsync(runs, fn, { warmup = 0 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  return summarize(ms);
}

export const mib = (bytes) => Math.round(bytes / 1024 / 1024);

/**
 * How fast the machine is right now: a CPU-bound loop alone (`soloMs`, the best of two), then one
 * per core at once (`ratio`: how many cores' worth that delivered). On a shared VM both move with
 * the neighbours' load — the solo loop by up to 1.7× here — so the figures of two runs compare
 * only next to their probes.
 */
export function cpuProbe() {
  const loop = "let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7;";
  const run = (n) => {
    const t = performance.now();
    const procs = Array.from({ length: n }, () => spawn(process.execPath, ["-e", loop], { stdio: "ignore" }));
    return Promise.all(procs.map((p) => new Promise((resolve) => p.on("exit", resolve)))).then(() => performance.now() - t);
  };
  const cores = os.availableParallelism();
  // The best of two solo runs: a neighbour's burst during one of them would inflate the ratio.
  return run(1).then((a) => run(1).then((b) => run(cores).then((all) => {
    const soloMs = Math.round(Math.min(a, b));
    return { soloMs, ratio: Math.min(cores, Math.round(((cores * soloMs) / all) * 10) / 10) };
  })));
}

/** The machine, as the figures need it: CPU model, cores, memory, Node version. */
export function machine() {
  const cpus = os.cpus();
  let memTotal = os.totalmem();
  try {
    // Inside a container the cgroup limit is what the bench may use.
    const limit = Number(fs.readFileSync("/sys/fs/cgroup/memory.max", "utf8"));
    if (Number.isFinite(limit) && limit < memTotal) memTotal = limit;
  } catch {
    // No cgroup v2 limit.
  }
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryGiB: Math.round((memTotal / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}
