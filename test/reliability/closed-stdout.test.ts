/**
 * A reader that closes the pipe (`stackplan --help | head -1`) ends the command quietly: no
 * EPIPE stack trace, the command's own exit code.
 */
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/temp-project";
import { start } from "./spawn";

describe("closed stdout", () => {
  it.each(["--help", "schema", "rules --markdown", "spec --env dev"])("stackplan %s | (closed pipe)", async (line) => {
    const { child, done } = start(line.split(" "), { cwd: REPO_ROOT });
    // Closed before the CLI writes anything: every write of it meets a closed pipe.
    child.stdout!.destroy();
    const r = await done;
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});
