/** Options shared by the commands that render (render, diff, review). */
import { InputError } from "../../util/errors";
import type { CommandContext } from "../context";

/** `--timeout <seconds>` → milliseconds. */
export function parseTimeout(value: string): number {
  const s = Number(value);
  if (!Number.isFinite(s) || s <= 0) throw new InputError({ message: `--timeout ${JSON.stringify(value)}: expected a number of seconds greater than 0` });
  return Math.round(s * 1000);
}

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/**
 * Run a render that Ctrl-C (or SIGTERM) cancels: the workers are killed, staging directories
 * removed and previous outputs left as they were. Returns undefined when interrupted.
 */
export async function interruptible<T>(ctx: CommandContext, run: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    return await run(controller.signal);
  } catch (err) {
    if (!controller.signal.aborted) throw err;
    ctx.io.stderr("stackplan: interrupted; previous outputs are untouched\n");
    ctx.exit(EXIT_INTERRUPTED);
    return undefined;
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}
