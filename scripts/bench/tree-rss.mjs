/**
 * Peak resident memory of a process and its children together, sampled from /proc (Linux only):
 * the figure the RSS target is about when render workers run side by side. Each process's own
 * peak (getrusage) says nothing about how much of it overlapped with the others.
 */
import * as fs from "node:fs";

const PAGE = 4096;

/** Resident bytes of `pid`, or 0 when it is gone. */
function rssOf(pid) {
  try {
    // statm: size resident shared … (pages)
    return Number(fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * PAGE;
  } catch {
    return 0;
  }
}

/** Pids whose parent is `pid` (one level: render workers are the pipeline's direct children). */
function childrenOf(pid) {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .split(" ")
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Start sampling `pid` and its children every `everyMs`; `stop()` returns the peak sum in bytes (undefined off Linux). */
export function sampleTreeRss(pid, everyMs = 20) {
  if (!fs.existsSync(`/proc/${pid}/statm`)) return { stop: () => undefined };
  let peak = 0;
  const sample = () => {
    const total = [pid, ...childrenOf(pid)].reduce((sum, p) => sum + rssOf(p), 0);
    if (total > peak) peak = total;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
