/** Where a command writes. Tests pass buffers; the real CLI passes the process streams. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stdout is an interactive terminal (progress displays, colour). */
  readonly isTTY: boolean;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export function processIO(): CliIO {
  return {
    stdout: closable(process.stdout),
    stderr: closable(process.stderr),
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** Exit codes of every command. */
export const EXIT = {
  ok: 0,
  /** A mandatory policy violation, or changes found under --exit-code. */
  failure: 1,
  /** Bad usage or bad input: a flag, a file, a value. */
  input: 2,
  /** A bug in stackplan. */
  internal: 3,
} as const;

/**
 * A writer for a process stream that a reader may close (`stackplan --help | head`): once the
 * pipe is gone (EPIPE), later output is dropped quietly instead of crashing the process with an
 * unhandled 'error' event. The command still finishes its work, so what it writes to disk stays
 * whole; the exit code is its own.
 */
export function closable(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on("error", (err: NodeJS.ErrnoException) => {
    closed = true;
    // A reader that went away is not an error; anything else (a full disk) is said once, on stderr.
    if (err.code !== "EPIPE" && err.code !== "ERR_STREAM_DESTROYED" && stream !== process.stderr && !process.stderr.destroyed) {
      process.stderr.write(`stackplan: cannot write the output: ${err.message}\n`);
    }
  });
  return (text) => {
    if (closed || stream.destroyed) return;
    stream.write(text);
  };
}
