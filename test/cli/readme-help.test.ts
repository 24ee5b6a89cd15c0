/**
 * Every command a user can run is documented in README.md, and every option its `--help` lists
 * is named in that command's README section: help and README cannot drift apart unnoticed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";

const README = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");
// Options every project-reading command takes, documented once at the top of "Commands".
const GLOBAL = new Set(["--help", "--root"]);

async function help(args: string[]): Promise<string> {
  const r = await runCli([...args, "--help"], { cwd: process.cwd() });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** The README text from `### \`stackplan <name>` to the next heading of level 2 or 3. */
function section(name: string): string | undefined {
  const start = README.search(new RegExp(`^### \`stackplan ${name}[ \`]`, "m"));
  if (start < 0) return undefined;
  const rest = README.slice(start + 4);
  const end = rest.search(/^#{2,3} /m);
  return end < 0 ? rest : rest.slice(0, end);
}

describe("README and --help", () => {
  it("documents every command and every option of its --help", async () => {
    const top = await help([]);
    const commands = [...top.split("Commands:")[1]!.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((c) => c !== "help");
    expect(commands.length).toBeGreaterThanOrEqual(12);
    const missing: string[] = [];
    for (const cmd of commands) {
      const text = section(cmd);
      if (!text) {
        missing.push(`${cmd}: no README section`);
        continue;
      }
      // The flags of the Options section (not the ones its description mentions).
      const optionsPart = (await help([cmd])).split("\nOptions:\n")[1] ?? "";
      const options = new Set([...optionsPart.matchAll(/^ {2}(?:-[a-zA-Z], )?(--[a-z][a-z-]*)/gm)].map((m) => m[1]!));
      expect(options.size, cmd).toBeGreaterThan(0);
      for (const o of options) if (!GLOBAL.has(o) && !text.includes(o)) missing.push(`${cmd} ${o}`);
    }
    expect(missing).toEqual([]);
  });
});
