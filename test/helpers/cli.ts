/** Run the CLI in-process with captured output. */
import { run } from "../../src/cli/main";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; isTTY?: boolean }): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: opts.isTTY ?? false,
    cwd: opts.cwd,
    env: opts.env ?? {},
  });
  return { code, stdout, stderr };
}
