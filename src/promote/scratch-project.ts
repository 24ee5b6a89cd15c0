/**
 * A throwaway copy of a project's configuration (Pulumi.yaml, stacks/, overlays/) with some
 * files replaced, that runs the project's own program: `promote` renders the target env as it
 * WOULD be after the edit, before touching the real overlay file.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadProject, type Project } from "../project/project";
import { programEntry } from "../plan/render-request";

export async function withScratchProject<T>(project: Project, replace: ReadonlyMap<string, string>, use: (scratch: Project) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-promote-"));
  try {
    const program = programEntry(project);
    const projectFile = fs.readFileSync(path.join(project.root, "Pulumi.yaml"), "utf8");
    // The copy runs the same compiled program, wherever the copy lives.
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), /^main:.*$/m.test(projectFile) ? projectFile.replace(/^main:.*$/m, `main: ${JSON.stringify(program)}`) : `${projectFile}\nmain: ${JSON.stringify(program)}\n`);
    copyStackFiles(project, dir);
    fs.cpSync(project.overlaysDir, path.join(dir, "overlays"), { recursive: true });
    for (const [abs, content] of replace) {
      const target = path.join(dir, path.relative(project.root, abs));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
    return await use(loadProject(dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The stack files only: the stack config dir may be the project root itself. */
function copyStackFiles(project: Project, dir: string): void {
  const to = path.join(dir, path.relative(project.root, project.stackConfigDir));
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(project.stackConfigDir)) {
    if (/^Pulumi\..+\.yaml$/.test(f)) fs.copyFileSync(path.join(project.stackConfigDir, f), path.join(to, f));
  }
}
