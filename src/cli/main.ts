/**
 * The `stackplan` command line. Each command lives in commands/<name>.ts and registers itself
 * here. Exit codes: 0 ok, 1 policy or diff failure, 2 usage or input error, 3 internal error.
 */
import { Command, CommanderError } from "commander";
import { FailureExit, InputError } from "../util/errors";
import { toolVersion } from "../util/tool-root";
import { EXIT, processIO, type CliIO } from "./io";
import type { CommandContext } from "./context";
import { COMMANDS } from "./commands/index";


export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let code: number = EXIT.ok;
  const ctx: CommandContext = { io, exit: (c) => void (code = Math.max(code, c)) };
  const program = new Command("stackplan")
    .description("Render, diff, check and promote Pulumi EKS platforms offline, GitOps style.")
    .version(toolVersion(), "-V, --version")
    .showHelpAfterError("  (run with --help for usage)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError })
    .exitOverride();
  program.addHelpText(
    "after",
    "\nExit codes: 0 ok · 1 mandatory policy violation or changes under --exit-code · 2 bad usage or input · 3 internal error",
  );
  for (const register of COMMANDS) register(program, ctx);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (err) {
    return reportError(err, io);
  }
}

/** Usage errors look like every other message: `stackplan: unknown option '--bogus'`. */
function outputError(text: string, write: (s: string) => void): void {
  write(text.replace(/^error: /, "stackplan: "));
}

function reportError(err: unknown, io: CliIO): number {
  if (err instanceof CommanderError) {
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return EXIT.ok;
    // `help [command]` exits 0; no command at all prints the help to stderr as a usage error.
    if (err.code === "commander.help") return err.exitCode === 0 ? EXIT.ok : EXIT.input;
    if (err.code === "commander.executeSubCommandAsync") return EXIT.ok;
    // Commander has already printed the message.
    return EXIT.input;
  }
  if (err instanceof InputError) {
    io.stderr(`stackplan: ${err.message}\n`);
    return EXIT.input;
  }
  if (err instanceof FailureExit) {
    if (err.message) io.stderr(`stackplan: ${err.message}\n`);
    return EXIT.failure;
  }
  const e = err as Error;
  io.stderr(`stackplan: internal error: ${e?.message ?? String(err)}\n`);
  if (io.env.STACKPLAN_DEBUG) io.stderr(`${e?.stack ?? ""}\n`);
  else io.stderr("This is a bug in stackplan. Set STACKPLAN_DEBUG=1 to see where it happened.\n");
  return EXIT.internal;
}
