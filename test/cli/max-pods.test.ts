import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { registerMaxPods } from "../../src/cli/commands/max-pods";
import { InputError } from "../../src/util/errors";

/** The command alone on a program as main.ts builds it: what it prints, or the error it raises. */
async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const program = new Command("stackplan").exitOverride().configureOutput({ writeOut: (s) => void (stdout += s), writeErr: (s) => void (stderr += s) });
  registerMaxPods(program, { io: { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, cwd: process.cwd(), env: {} }, exit: () => {} });
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: (s) => void (stdout += s), writeErr: (s) => void (stderr += s) });
  let error: unknown;
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    error = err;
  }
  return { stdout, stderr, error };
}

describe("stackplan max-pods", () => {
  it("prints the number alone on the first line, then how it was computed", async () => {
    const { stdout, error } = await cli("max-pods", "m5.large");
    expect(error).toBeUndefined();
    expect(stdout).toBe(
      [
        "29",
        "m5.large: 2 vCPUs, Nitro, x86_64",
        "ENIs:         3",
        "IPv4 per ENI: 10",
        "mode:         secondary IPs (one IP per pod)",
        "formula:      ENIs × (IPv4 per ENI − 1) + 2 = 3 × (10 − 1) + 2 = 29",
        "cap:          110 (EKS, 30 vCPUs or fewer): not reached",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [["m5.4xlarge"], "110", "cap:          110 (EKS, 30 vCPUs or fewer): applied, 234 uncapped"],
    [["c5.18xlarge"], "250", "cap:          250 (EKS, more than 30 vCPUs): applied, 737 uncapped"],
    [["m5.large", "--prefix-delegation"], "110", "formula:      ENIs × ((IPv4 per ENI − 1) × 16) + 2 = 3 × ((10 − 1) × 16) + 2 = 434"],
    [["m5.large", "--custom-networking"], "20", "ENIs:         2 (of 3)"],
    [["m5.4xlarge", "--max-eni", "2"], "60", "note:         --max-eni 2: 2 of 8 ENIs used"],
    [["t2.medium", "--prefix-delegation"], "17", "note:         prefix delegation needs a Nitro instance; t2.medium is not, so the CNI uses secondary IPs"],
  ])("%j → %s", async (args, first, line) => {
    const { stdout } = await cli("max-pods", ...args);
    expect(stdout.split("\n")[0]).toBe(first);
    expect(stdout.split("\n")).toContain(line);
  });

  it("prints the computation as JSON", async () => {
    const { stdout } = await cli("max-pods", "c5.18xlarge", "--json");
    expect(JSON.parse(stdout)).toMatchObject({ instanceType: "c5.18xlarge", enis: 15, ipv4PerEni: 50, vcpus: 72, uncapped: 737, cap: 250, maxPods: 250 });
  });

  it("refuses an unknown type with an input error, suggesting the type a typo meant", async () => {
    const unknown = await cli("max-pods", "g5.xlarge");
    expect(unknown.error).toBeInstanceOf(InputError);
    expect((unknown.error as InputError).message).toMatch(/^<instance-type>: unknown instance type "g5.xlarge"; stackplan knows every size of the c5, /);
    expect(((await cli("max-pods", "m5.lrage")).error as InputError).message).toContain('unknown instance type "m5.lrage" (did you mean m5.large?)');
  });

  it("refuses a --max-eni that is not a positive number", async () => {
    const { stderr, error } = await cli("max-pods", "m5.large", "--max-eni", "0");
    expect(error).toBeDefined();
    expect(stderr).toContain('expected a positive whole number, got "0"');
  });
});
