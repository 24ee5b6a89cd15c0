/**
 * Progress of a multi-env render. On a terminal: one live line per env with its state, the
 * resources registered so far and the time, redrawn in place. Elsewhere (CI logs): one plain
 * line per env when it finishes.
 */
import type { RenderEvent } from "./render";

export interface ProgressSink {
  readonly write: (text: string) => void;
  readonly isTTY: boolean;
}

export interface ProgressReporter {
  readonly onEvent: (e: RenderEvent) => void;
  /** Draw the final state and stop redrawing. */
  readonly stop: () => void;
}

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const REDRAW_MS = 100;

export function progressReporter(sink: ProgressSink, envs: readonly string[]): ProgressReporter {
  const width = Math.max(...envs.map((e) => e.length));
  const states = new Map<string, RenderEvent>(envs.map((env) => [env, { env, state: "queued", resources: 0, elapsedMs: 0 }]));
  if (!sink.isTTY) {
    return {
      onEvent: (e) => {
        if (e.state === "done") sink.write(`${e.env.padEnd(width)}  rendered ${e.resources} resources in ${seconds(e.elapsedMs)}\n`);
        if (e.state === "failed") sink.write(`${e.env.padEnd(width)}  failed after ${seconds(e.elapsedMs)}\n`);
      },
      stop: () => {},
    };
  }
  let frame = 0;
  let drawn = 0;
  const started = new Map<string, number>();
  const line = (e: RenderEvent): string => {
    const running = e.state === "running";
    const elapsed = running && started.has(e.env) ? Date.now() - started.get(e.env)! : e.elapsedMs;
    const icon = { queued: "·", running: SPINNER[frame % SPINNER.length]!, done: "✓", failed: "✗" }[e.state];
    const count = e.state === "queued" ? "" : `${String(e.resources).padStart(6)} resources  ${seconds(elapsed).padStart(6)}`;
    const last = running && e.last ? `  ${e.last}` : "";
    return `  ${icon} ${e.env.padEnd(width)}  ${e.state.padEnd(7)} ${count}${last}`.slice(0, 160);
  };
  const draw = () => {
    const up = drawn > 0 ? `\u001b[${drawn}A` : "";
    sink.write(`${up}${envs.map((env) => `\u001b[2K${line(states.get(env)!)}\n`).join("")}`);
    drawn = envs.length;
    frame += 1;
  };
  const timer = setInterval(draw, REDRAW_MS);
  timer.unref();
  draw();
  return {
    onEvent: (e) => {
      if (e.state === "running" && !started.has(e.env)) started.set(e.env, Date.now() - e.elapsedMs);
      states.set(e.env, e);
    },
    stop: () => {
      clearInterval(timer);
      draw();
    },
  };
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
