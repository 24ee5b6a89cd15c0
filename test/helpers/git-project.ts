/** A copy of the example platform in a fresh git repository with one commit on main. */
import { execFileSync } from "node:child_process";
import { copyExampleProject } from "./temp-project";

export function git(root: string, ...args: string[]): string {
  return execFileSync("git", ["-C", root, "-c", "user.name=stackplan-test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

export function exampleRepo(): string {
  const root = copyExampleProject();
  git(root, "init", "--quiet", "--initial-branch=main");
  git(root, "add", "-A");
  git(root, "commit", "--quiet", "-m", "example platform");
  return root;
}
