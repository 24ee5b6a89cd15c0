/**
 * File access for one kustomization root with kustomize's default load restrictor (RootOnly):
 * files named by patches, generators and file resources must lie in or below the root (after
 * resolving symlinks); directories (other kustomizations) may be anywhere.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError, type Problem } from "../util/errors";

export const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"] as const;

export class Loader {
  readonly root: string;
  private readonly realRoot: string;

  constructor(
    root: string,
    readonly show: (abs: string) => string,
  ) {
    this.root = path.resolve(root);
    this.realRoot = safeRealpath(this.root) ?? this.root;
  }

  abs(rel: string): string {
    return path.resolve(this.root, rel);
  }

  /** Read a file in or below the root; `where` names the kustomization field for messages. */
  readFile(rel: string, where: Omit<Problem, "message">): Buffer {
    const abs = this.abs(rel);
    const real = safeRealpath(abs);
    if (real === undefined) throw new InputError({ ...where, message: `${JSON.stringify(rel)}: file not found (${this.show(abs)})` });
    if (!isWithin(real, this.realRoot)) {
      throw new InputError({
        ...where,
        message: `security; file '${this.show(abs)}' is not in or below '${this.show(this.root)}' (kustomize's load restrictor refuses files outside the kustomization root)`,
      });
    }
    if (fs.statSync(real).isDirectory()) throw new InputError({ ...where, message: `${JSON.stringify(rel)} is a directory, expected a file` });
    return fs.readFileSync(real);
  }

  kind(rel: string): "file" | "dir" | "missing" {
    try {
      return fs.statSync(this.abs(rel)).isDirectory() ? "dir" : "file";
    } catch {
      return "missing";
    }
  }
}

function safeRealpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

function isWithin(p: string, root: string): boolean {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** The kustomization file of a directory, or an InputError naming the directory. */
export function findKustomizationFile(dir: string, show: (abs: string) => string): string {
  const found = KUSTOMIZATION_FILES.filter((f) => {
    try {
      return fs.statSync(path.join(dir, f)).isFile();
    } catch {
      return false;
    }
  });
  if (found.length === 0) {
    let why = "no such directory";
    try {
      why = fs.statSync(dir).isDirectory() ? `no ${KUSTOMIZATION_FILES.map((f) => `'${f}'`).join(", ").replace(/, ([^,]*)$/, " or $1")} in it` : "not a directory";
    } catch {
      /* missing */
    }
    throw new InputError({ file: show(dir), message: `unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory: ${why}` });
  }
  if (found.length > 1) throw new InputError({ file: show(dir), message: `found multiple kustomization files (${found.join(", ")}); keep one` });
  return path.join(dir, found[0]!);
}
