/** Helpers for the offline engine's tests: the fixture project and temporary copies of it. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli, type CliResult } from "../helpers/cli";

export { snapshotTree } from "../helpers/temp-project";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
/** The fixture project: a small program with a network, a cluster and one service (see its Pulumi.yaml). */
export const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "plan", "shop");

/** A copy of the fixture project in a temporary directory, with node_modules linked. */
export function copyFixture(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-plan-"));
  fs.cpSync(FIXTURE, root, { recursive: true });
  fs.symlinkSync(fs.realpathSync(path.join(REPO_ROOT, "node_modules")), path.join(root, "node_modules"), "dir");
  return root;
}

export function editFile(root: string, rel: string, fn: (text: string) => string): void {
  const file = path.join(root, rel);
  fs.writeFileSync(file, fn(fs.readFileSync(file, "utf8")));
}

export function cli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runCli(args, { cwd, env });
}
