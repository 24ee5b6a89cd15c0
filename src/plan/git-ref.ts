/**
 * The project as it was at a git ref, for `diff --from main:prod`: a temporary `git worktree`
 * of that commit, always removed afterwards.
 *
 * The old program is run by the current stackplan, with the old project files. It needs to be
 * runnable: `node_modules` is linked to the current project's (the old tree has none; a
 * dependency that changed between the two refs is the current one), and when the tree has a
 * tsconfig.json its TypeScript is compiled with the tree's own compiler options, file by file
 * without type checking (TypeScript's transpileModule: ~1 s where a full `tsc` takes ~10 s;
 * type errors are the business of the branch's CI, not of a diff).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadProject, type Project } from "../project/project";
import { InputError } from "../util/errors";

/** The commit a ref names in the project's repository; an InputError if there is none. */
export function resolveGitRef(project: Project, ref: string): { top: string; commit: string } {
  const top = gitTopLevel(project.root);
  return { top, commit: resolveCommit(top, ref) };
}

export async function withProjectAtRef<T>(project: Project, ref: string, use: (atRef: Project) => Promise<T>): Promise<T> {
  const { top, commit } = resolveGitRef(project, ref);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-ref-"));
  const tree = path.join(tmp, "tree");
  try {
    git(top, ["worktree", "add", "--detach", "--quiet", tree, commit]);
    const root = path.join(tree, path.relative(top, project.root));
    if (!fs.existsSync(path.join(root, "Pulumi.yaml"))) {
      throw new InputError({ message: `git ref ${JSON.stringify(ref)} has no Pulumi.yaml in ${path.relative(top, project.root) || "the repository root"}` });
    }
    linkNodeModules(project.root, root);
    compileTypeScript(root);
    return await use(loadProject(root));
  } finally {
    try {
      git(top, ["worktree", "remove", "--force", tree]);
    } catch {
      // Removed below; prune forgets it.
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    try {
      git(top, ["worktree", "prune"]);
    } catch {
      // Nothing to prune.
    }
  }
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync("git", ["-C", cwd, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

function gitTopLevel(dir: string): string {
  try {
    return git(dir, ["rev-parse", "--show-toplevel"]);
  } catch {
    throw new InputError({ file: dir, message: "not inside a git repository; a git ref (ref:env) needs one" });
  }
}

function resolveCommit(top: string, ref: string): string {
  if (ref.startsWith("-")) throw new InputError({ message: `invalid git ref ${JSON.stringify(ref)}: a ref cannot start with "-"` });
  try {
    return git(top, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new InputError({ message: `unknown git ref ${JSON.stringify(ref)}: no such branch, tag or commit in ${top}` });
  }
}

/** Link the old tree to the dependencies the current project runs with. */
function linkNodeModules(currentRoot: string, oldRoot: string): void {
  const target = path.join(oldRoot, "node_modules");
  if (fs.existsSync(target)) return;
  for (let dir = currentRoot; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules");
    if (fs.existsSync(candidate)) {
      fs.symlinkSync(fs.realpathSync(candidate), target, "dir");
      return;
    }
    if (path.dirname(dir) === dir) return;
  }
}

/** Emit the tree's TypeScript as JavaScript where its tsconfig says (no type check). */
function compileTypeScript(root: string): void {
  const configFile = path.join(root, "tsconfig.json");
  if (!fs.existsSync(configFile)) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require(require.resolve("typescript", { paths: [root, __dirname] })) as typeof import("typescript");
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error) throw new InputError({ file: "tsconfig.json", message: `at the git ref: ${ts.flattenDiagnosticMessageText(read.error.messageText, " ")}` });
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  const options = { ...parsed.options, noEmit: false, declaration: false, sourceMap: false, incremental: false, composite: false };
  delete options.tsBuildInfoFile;
  const outDir = options.outDir ?? root;
  const rootDir = options.rootDir ?? root;
  for (const file of parsed.fileNames) {
    if (file.endsWith(".d.ts")) continue;
    const out = ts.transpileModule(fs.readFileSync(file, "utf8"), { compilerOptions: options, fileName: file });
    const dest = path.join(outDir, path.relative(rootDir, file)).replace(/\.(c|m)?tsx?$/, (_, k: string | undefined) => `.${k ?? ""}js`);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, out.outputText);
  }
}
