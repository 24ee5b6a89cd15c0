/**
 * The bad-input corpus: one folder per case under cases/ (see README.md). This file reads a
 * case, builds its project (a copy of the example platform with the case's edits and files),
 * and snapshots trees so the test can say that nothing was written.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { copyExampleProject } from "../helpers/temp-project";

export const CASES_DIR = path.join(__dirname, "cases");

export type Setup = "no-project" | "git";

export interface Edit {
  readonly file: string;
  /** Replace the first occurrence of this text (which must occur) by `with`. */
  readonly replace?: string;
  readonly with?: string;
  readonly append?: string;
  readonly write?: string;
  readonly delete?: boolean;
}

export interface Case {
  readonly name: string;
  readonly dir: string;
  /** The command line (after `stackplan`), split like a shell would. */
  readonly cmd: string;
  readonly expectedStderr: string | undefined;
  readonly exitCode: number;
  readonly edits: readonly Edit[];
  readonly setup: readonly Setup[];
  /** Working directory relative to the project root. */
  readonly cwd: string;
  /** Lines stdout must contain (policy failures print their report there). */
  readonly stdoutContains: readonly string[];
}

function readOptional(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
}

export function loadCases(): Case[] {
  return fs
    .readdirSync(CASES_DIR)
    .filter((d) => fs.statSync(path.join(CASES_DIR, d)).isDirectory())
    .sort()
    .map((name) => {
      const dir = path.join(CASES_DIR, name);
      const cmd = readOptional(path.join(dir, "cmd"));
      if (cmd === undefined) throw new Error(`bad-inputs case ${name}: no cmd file`);
      const edits = parse(readOptional(path.join(dir, "edits.yaml")) ?? "[]") as Edit[];
      const setup = (readOptional(path.join(dir, "setup")) ?? "").split(/\s+/).filter(Boolean) as Setup[];
      for (const s of setup) if (s !== "no-project" && s !== "git") throw new Error(`bad-inputs case ${name}: unknown setup ${s}`);
      return {
        name,
        dir,
        cmd: cmd.trim(),
        expectedStderr: readOptional(path.join(dir, "expected-stderr")),
        exitCode: Number((readOptional(path.join(dir, "exit-code")) ?? "2").trim()),
        edits: edits ?? [],
        setup,
        cwd: (readOptional(path.join(dir, "cwd")) ?? ".").trim(),
        stdoutContains: (readOptional(path.join(dir, "stdout-contains")) ?? "").split("\n").filter((l) => l.trim() !== ""),
      };
    });
}

/** What every case starts with besides the project: a previous render that must survive. */
export const PREVIOUS_OUTPUT: Record<string, string> = {
  "rendered/dev/plan.json": "previous plan of dev\n",
  "rendered/dev/manifests/kustomization.yaml": "previous kustomization of dev\n",
  "rendered/prod/plan.json": "previous plan of prod\n",
};

/** The case's project: the example platform (or an empty directory), edited, in a temp dir. */
export function buildProject(c: Case): string {
  const root = c.setup.includes("no-project") ? fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-bad-")) : copyExampleProject();
  if (!c.setup.includes("no-project")) writeTree(root, PREVIOUS_OUTPUT);
  const files = path.join(c.dir, "files");
  if (fs.existsSync(files)) fs.cpSync(files, root, { recursive: true });
  for (const e of c.edits) applyEdit(root, e, c.name);
  if (c.setup.includes("git")) {
    const git = (...args: string[]) => execFileSync("git", ["-C", root, "-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { stdio: "ignore" });
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "example");
  }
  return root;
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

function applyEdit(root: string, e: Edit, name: string): void {
  const file = path.join(root, e.file);
  if (e.delete) return fs.rmSync(file, { recursive: true, force: true });
  if (e.write !== undefined) return writeTree(root, { [e.file]: e.write });
  if (!fs.existsSync(file)) throw new Error(`bad-inputs case ${name}: edit of ${e.file}, which does not exist`);
  let text = fs.readFileSync(file, "utf8");
  if (e.replace !== undefined) {
    // A replacement that no longer finds its text would turn the case into a no-op: fail loudly.
    if (!text.includes(e.replace)) throw new Error(`bad-inputs case ${name}: ${JSON.stringify(e.replace)} not found in ${e.file}`);
    text = text.replace(e.replace, e.with ?? "");
  }
  if (e.append !== undefined) text += e.append;
  fs.writeFileSync(file, text);
}

/** `{{root}}` and `{{line:<file>:<text>}}` (1-based line of the first line of file holding text). */
export function expand(text: string, root: string): string {
  return text
    .replace(/\{\{line:([^:}]+):([^}]+)\}\}/g, (_, file: string, needle: string) => {
      const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n");
      const i = lines.findIndex((l) => l.includes(needle));
      if (i < 0) throw new Error(`{{line:${file}:${needle}}}: not found`);
      return String(i + 1);
    })
    .replace(/\{\{root\}\}/g, root);
}

/** Split a command line into words: whitespace separates, a whole word may be '…' or "…" quoted. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

/** Every file and directory under `dir` (but .git) with its content: "nothing changed" assertions. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === ".git") continue;
      const abs = path.join(d, e.name);
      const rel = path.relative(dir, abs);
      if (e.isDirectory()) {
        out[`${rel}/`] = "";
        walk(abs);
      } else out[rel] = e.isSymbolicLink() ? `-> ${fs.readlinkSync(abs)}` : fs.readFileSync(abs, "utf8");
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}
