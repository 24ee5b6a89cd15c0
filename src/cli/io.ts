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
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
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
