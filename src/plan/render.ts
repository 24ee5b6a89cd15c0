/**
 * The offline render: run the Pulumi program of one or more envs under runtime mocks (one worker
 * process per env, in parallel) and produce each env's plan and Kubernetes manifests, in memory
 * or written to `<out>/<env>/`.
 *
 * Atomicity: each env is written into a staging directory beside its output (by its worker, as
 * it finishes; files unchanged since the current output are hard-linked from it, see
 * output-files.ts) and swapped in with two renames. Outputs are swapped only when every env of the
 * call succeeded: a failed or interrupted render leaves all previous outputs untouched, never a
 * mix of old and new envs.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Project } from "../project/project";
import { cleanStaleTemporaries, ensureDirectory, stagingDirFor, swapStagedDir } from "../util/atomic-write";
import { InputError, type Problem } from "../util/errors";
import type { Manifest } from "./manifests";
import { prepareRender, type PreparedRender, type RequestOptions } from "./render-request";
import { RenderError, startWorker, type WorkerProgress } from "./runner";
import type { Plan } from "./types";

export const DEFAULT_TIMEOUT_MS = 300_000;

export interface RenderOptions extends RequestOptions {
  /** Write `<out>/<env>/plan.json` and `<out>/<env>/manifests/`; without it nothing is written. */
  readonly out?: string;
  /** Per env. @default 300 s */
  readonly timeoutMs?: number;
  /** Parallel workers. @default min(1.5 × cores, envs) */
  readonly concurrency?: number;
  readonly onEvent?: (e: RenderEvent) => void;
  readonly signal?: AbortSignal;
}

export type RenderState = "queued" | "running" | "done" | "failed";

export interface RenderEvent {
  readonly env: string;
  readonly state: RenderState;
  /** Resources registered so far (running) or in the plan (done). */
  readonly resources: number;
  readonly elapsedMs: number;
  readonly last?: string;
}

export interface RenderedEnv {
  readonly env: string;
  readonly plan: Plan;
  /**
   * The manifests (secrets masked, unless revealSecrets), for a render in memory; a render written
   * to `out` leaves them in `<out>/<env>/manifests/` only.
   */
  readonly manifests?: readonly Manifest[];
  readonly manifestCount: number;
  readonly warnings: readonly string[];
  readonly durationMs: number;
  /** Peak resident memory of the env's worker. */
  readonly peakRssBytes: number;
  /** CPU time of the env's worker (user + system): what the render costs on an idle machine. */
  readonly cpuMs: number;
  /** The program took the values this process loaded instead of loading them again (values/handoff.ts). */
  readonly valuesFromParent: boolean;
  /** Absolute `<out>/<env>` when written. */
  readonly outDir?: string;
}

/** Render one env: its plan and manifests (and `<out>/<env>/` when `out` is given). */
export async function renderEnv(project: Project, env: string, opts: RenderOptions = {}): Promise<RenderedEnv> {
  const [rendered] = await renderEnvs(project, [env], opts);
  return rendered!;
}

/**
 * Render several envs in parallel worker processes. Bad input fails before any worker is given
 * work; program failures are collected from every env and reported together (RenderError, exit 2).
 */
export async function renderEnvs(project: Project, envs: readonly string[], opts: RenderOptions = {}): Promise<RenderedEnv[]> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? defaultConcurrency(), envs.length));
  // The first workers load the SDK while the values are read and checked here; bad input stops
  // them before they get any work.
  const idle = envs.length > 0 ? Array.from({ length: concurrency }, () => startWorker(project.root)) : [];
  let prepared: PreparedRender[];
  let outputs: PlannedOutputs | undefined;
  try {
    prepared = envs.map((env) => prepareRender(project, env, opts));
    outputs = opts.out ? planOutputs(opts.out, envs) : undefined;
  } catch (err) {
    for (const w of idle) w.discard();
    throw err;
  }
  const results: (RenderedEnv | undefined)[] = new Array(envs.length);
  const failures: RenderError[] = [];
  const staged = new Map<number, string>();
  let committed = false;
  for (const env of envs) opts.onEvent?.({ env, state: "queued", resources: 0, elapsedMs: 0 });

  let next = 0;
  const work = async () => {
    while (next < envs.length) {
      const i = next++;
      const env = envs[i]!;
      const { request, warnings } = prepared[i]!;
      const t0 = Date.now();
      const event = (state: RenderState, p?: WorkerProgress) =>
        opts.onEvent?.({ env, state, resources: p?.resources ?? 0, elapsedMs: Date.now() - t0, ...(p?.last ? { last: p.last } : {}) });
      event("running");
      try {
        // Known before the worker starts, so that a failure anywhere removes what it wrote.
        const outDir = outputs ? stagingDirFor(outputs.dirs[i]!) : undefined;
        if (outDir) staged.set(i, outDir);
        const worker = idle.pop() ?? startWorker(project.root);
        const previousDir = outputs && fs.existsSync(outputs.dirs[i]!) ? outputs.dirs[i]! : undefined;
        const r = await worker.run({ ...request, ...(outDir ? { outDir } : {}), ...(previousDir ? { previousDir } : {}) }, {
          timeoutMs,
          onProgress: (p) => event("running", p),
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
        results[i] = {
          env,
          plan: r.plan,
          ...(r.manifests ? { manifests: r.manifests } : {}),
          manifestCount: r.manifestCount,
          warnings: [...warnings, ...r.warnings],
          durationMs: Date.now() - t0,
          peakRssBytes: r.peakRssBytes,
          cpuMs: r.cpuMs,
          valuesFromParent: r.valuesFromParent,
          ...(outputs ? { outDir: outputs.dirs[i]! } : {}),
        };
        event("done", { resources: r.plan.resources.length });
      } catch (err) {
        event("failed");
        if (err instanceof RenderError) failures.push(err);
        else throw err;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, work));
    if (failures.length > 0) throw combine(failures, envs);
    // Every env swapped in first (the renames), then the previous outputs removed together.
    const previous = outputs ? envs.map((_, i) => swapStagedDir(staged.get(i)!, outputs.dirs[i]!)) : [];
    committed = true;
    await Promise.all(previous.map((old) => old && fs.promises.rm(old, { recursive: true, force: true })));
  } finally {
    for (const w of idle) w.discard();
    if (!committed) {
      for (const dir of staged.values()) fs.rmSync(dir, { recursive: true, force: true });
      for (const dir of [...(outputs?.created ?? [])].reverse()) removeIfEmpty(dir);
    }
  }
  return results as RenderedEnv[];
}

/**
 * Workers at once: up to 1.5 × the cores. Three envs on two cores then share both cores to the
 * end, rather than the third rendering alone after the first two (a tenth off `render --all` at
 * 500 services); each worker's memory is its own env's, so the cap bounds the total.
 */
export function defaultConcurrency(cores: number = os.availableParallelism()): number {
  return Math.ceil(cores * 1.5);
}

interface PlannedOutputs {
  readonly root: string;
  readonly dirs: readonly string[];
  /** The directories this render created for its output (outermost first). */
  readonly created: readonly string[];
}

/** Check the output paths before any work: `<out>` and `<out>/<env>` must be directories or absent. */
function planOutputs(out: string, envs: readonly string[]): PlannedOutputs {
  const root = path.resolve(out);
  const created = ensureDirectory(root);
  cleanStaleTemporaries(root);
  const dirs = envs.map((env) => {
    const dir = path.join(root, env);
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
      throw new InputError({ file: dir, message: "exists and is not a directory; expected the env's output directory" });
    }
    return dir;
  });
  return { root, dirs, created };
}

function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // Not empty (or gone): leave it.
  }
}

function combine(failures: readonly RenderError[], envs: readonly string[]): RenderError {
  if (failures.length === 1) return failures[0]!;
  const order = (e: RenderError) => envs.indexOf(e.env);
  const sorted = [...failures].sort((a, b) => order(a) - order(b));
  const problems: Problem[] = sorted.flatMap((f) => f.problems);
  return new RenderError(sorted.map((f) => f.env).join(","), problems, `${failures.length} envs failed to render:`);
}
