/**
 * Runs one render worker (worker.ts) in a child process: sends the request, relays progress,
 * enforces the time limit and turns every way a program can fail into one message that names
 * the env and what went wrong — a bad value with its file and line, the component and resource
 * that threw, or the resource being registered last — never a bare stack trace.
 */
import { fork, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError, type Problem } from "../util/errors";
import type { RenderRequest, WorkerFailure, WorkerMessage, WorkerResult } from "./worker-protocol";

export interface WorkerProgress {
  readonly resources: number;
  readonly last?: string;
}

export interface RunOptions {
  /** Kill the worker after this long. */
  readonly timeoutMs: number;
  readonly onProgress?: (p: WorkerProgress) => void;
  /** Aborting kills the worker (Ctrl-C, or another env of `--all` failed). */
  readonly signal?: AbortSignal;
}

/** A render that failed because of the program or its input: exit code 2, like any bad input. */
export class RenderError extends InputError {
  constructor(
    readonly env: string,
    problems: readonly Problem[],
    headline?: string,
  ) {
    super(problems, headline);
    this.name = "RenderError";
  }
}

/** How to start the worker: compiled (dist/) or, when stackplan runs from its sources, through the TS hook. */
function workerEntry(): { file: string; execArgv: string[] } {
  const js = path.join(__dirname, "worker.js");
  const profile = profileArgs(process.env.STACKPLAN_CPU_PROF);
  if (fs.existsSync(js)) return { file: js, execArgv: profile };
  return { file: path.join(__dirname, "worker.ts"), execArgv: [...profile, "--require", path.join(__dirname, "ts-hook.cjs")] };
}

/** `STACKPLAN_CPU_PROF=<dir>`: each worker writes a V8 CPU profile there (node refuses --cpu-prof in NODE_OPTIONS). */
function profileArgs(dir: string | undefined): string[] {
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

const OUTPUT_TAIL = 4000;

/**
 * A worker process started ahead of its request: it loads the Pulumi SDK while the parent still
 * reads the envs' values (a quarter of a second or more of start-up that would otherwise wait).
 * `run` gives it its one request; `discard` stops an unused one.
 */
export interface StartedWorker {
  run(req: RenderRequest, opts: RunOptions): Promise<WorkerResult>;
  discard(): void;
}

export function startWorker(root: string): StartedWorker {
  const entry = workerEntry();
  const child = fork(entry.file, [], {
    cwd: root,
    execArgv: entry.execArgv,
    serialization: "advanced",
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, STACKPLAN_PROJECT_ROOT: root },
  });
  // What the worker printed and how it ended, kept from the start: a worker that dies while idle
  // is reported when it is given work.
  const state: WorkerState = { output: "" };
  const keep = (chunk: Buffer) => void (state.output = (state.output + chunk.toString("utf8")).slice(-OUTPUT_TAIL));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.once("close", (code, signal) => void (state.closed = { code, signal }));
  child.once("error", (err) => void (state.error = err));
  return {
    run: (req, opts) => runOn(child, state, req, opts),
    discard: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

interface WorkerState {
  output: string;
  closed?: { code: number | null; signal: NodeJS.Signals | null };
  error?: Error;
}

function runOn(child: ChildProcess, state: WorkerState, req: RenderRequest, opts: RunOptions): Promise<WorkerResult> {
  const profiling = Boolean(process.env.STACKPLAN_CPU_PROF);
  return new Promise<WorkerResult>((resolve, reject) => {
    let last: string | undefined;
    let settled = false;
    const done = (err: Error | undefined, result?: WorkerResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      // A profiled worker writes its profile as it exits: let it exit by itself after success.
      if (child.exitCode === null && child.signalCode === null && !(profiling && !err)) child.kill("SIGKILL");
      if (err) reject(err);
      else resolve(result!);
    };
    const onClose = (code: number | null, signal: NodeJS.Signals | null) => {
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const tail = state.output.trim() ? `; its last output:\n${indent(state.output.trim())}` : "";
      done(failure(req, `the program's process ${how} before finishing${last ? ` (last resource registered: ${last})` : ""}${tail}`));
    };
    const timer = setTimeout(() => {
      const seconds = Math.round(opts.timeoutMs / 1000);
      done(failure(req, `the program did not finish within ${seconds} s${last ? ` (last resource registered: ${last})` : ""}; pass --timeout <seconds> to allow more`));
    }, opts.timeoutMs);
    const onAbort = () => done(failure(req, "cancelled"));
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    if (opts.signal?.aborted) onAbort();
    if (state.error) return done(state.error);
    if (state.closed) return onClose(state.closed.code, state.closed.signal);
    child.on("message", (m: WorkerMessage) => {
      if (m.type === "progress") {
        last = m.last ?? last;
        opts.onProgress?.(m);
      } else if (m.type === "done") {
        done(undefined, m.result);
      } else {
        done(fromWorkerFailure(req, m.failure));
      }
    });
    child.on("error", (err) => done(err));
    // "close" (not "exit"): by then every message the worker sent has been delivered.
    child.on("close", onClose);
    child.send(req);
  });
}

function failure(req: RenderRequest, message: string): RenderError {
  return new RenderError(req.env, [{ message: `render ${req.label ?? req.env}: ${message}` }]);
}

function fromWorkerFailure(req: RenderRequest, f: WorkerFailure): RenderError {
  switch (f.kind) {
    case "input":
      // The program's own report: file, path and line already say where.
      return new RenderError(req.env, f.problems, f.problems.length > 1 ? `render ${req.label ?? req.env}: ${f.headline ?? `${f.problems.length} problems:`}` : undefined);
    case "component":
      return failure(req, `${f.component}${f.resource ? ` › ${JSON.stringify(f.resource)}` : ""}: ${f.reason}`);
    case "program": {
      const where = f.last ? ` (last resource registered: ${f.last})` : "";
      const stack = req.debug && f.stack ? `\n${indent(f.stack)}` : "";
      return failure(req, `the program failed: ${f.message}${where}${stack}`);
    }
  }
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}
