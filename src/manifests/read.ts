/**
 * Raw manifests from YAML/JSON files (`overlays/base/manifests/`): multi-document files,
 * `List` kinds flattened, files read in sorted path order. Each document must be a Kubernetes
 * object with apiVersion, kind and metadata.name; anything else is an InputError naming the file
 * and the document.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { LineCounter, parseAllDocuments } from "yaml";
import { rel, type Project } from "../project/project";
import { InputError, type Problem } from "../util/errors";
import { isPlainObject } from "../util/plain";
import { compareStrings } from "../util/stable-json";
import { setOrigin } from "./origin";
import type { Manifest } from "./types";

const MANIFEST_FILE = /\.(ya?ml|json)$/;

/** Files under `dir` (recursively) that hold manifests, sorted; none when `dir` does not exist. */
export function manifestFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (MANIFEST_FILE.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Raw manifests of a folder, each tagged with its file relative to the project root. */
export function readManifestDir(project: Project, dir: string): Manifest[] {
  return manifestFiles(dir).flatMap((f) => parseManifests(fs.readFileSync(f, "utf8"), rel(project, f)));
}

/** Parse the manifests of one file. `shownAs` names the file in messages and origins. */
export function parseManifests(text: string, shownAs: string): Manifest[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, version: "1.2" });
  if (!Array.isArray(docs)) return [];
  const out: Manifest[] = [];
  const problems: Problem[] = [];
  docs.forEach((doc, i) => {
    const where = (offset: number | undefined): Omit<Problem, "message"> => {
      const pos = offset !== undefined ? lineCounter.linePos(offset) : undefined;
      return { file: shownAs, ...(pos ? { line: pos.line, column: pos.col } : {}), ...(docs.length > 1 ? { path: `document ${i + 1}` } : {}) };
    };
    if (doc.errors.length) {
      problems.push({ ...where(doc.errors[0]!.pos[0]), message: `invalid YAML: ${doc.errors[0]!.message.split("\n")[0]}` });
      return;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return;
    const items = isPlainObject(value) && typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items) ? value.items : [value];
    for (const item of items) {
      const problem = manifestProblem(item);
      if (problem) problems.push({ ...where((doc.contents as { range?: number[] } | null)?.range?.[0] ?? doc.range[0]), message: problem });
      else out.push(setOrigin(item as Manifest, shownAs));
    }
  });
  if (problems.length) throw new InputError(problems);
  return out;
}

function manifestProblem(v: unknown): string | undefined {
  if (!isPlainObject(v)) return `expected a Kubernetes object, got ${Array.isArray(v) ? "a list" : typeof v}`;
  if (typeof v.apiVersion !== "string" || v.apiVersion === "") return "expected a Kubernetes object: apiVersion is missing";
  if (typeof v.kind !== "string" || v.kind === "") return "expected a Kubernetes object: kind is missing";
  if (!isPlainObject(v.metadata) || typeof v.metadata.name !== "string" || v.metadata.name === "") {
    return `${v.kind} has no metadata.name (generateName is not supported: names must be known before apply)`;
  }
  return undefined;
}
