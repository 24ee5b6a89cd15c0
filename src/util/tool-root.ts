/** Where stackplan itself is installed: the same from src/ (tests) and from dist/ (the CLI). */
import * as fs from "node:fs";
import * as path from "node:path";

let cached: { root: string; version: string } | undefined;

function find(): { root: string; version: string } {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "stackplan") return (cached = { root: dir, version: pkg.version ?? "0.0.0" });
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find stackplan's package.json above ${__dirname}`);
    dir = up;
  }
}

/** The directory holding stackplan's package.json. */
export function toolRoot(): string {
  return find().root;
}

export function toolVersion(): string {
  return find().version;
}
