/** The key/value pairs of a generator: env files first, then literals, then files (kustomize's order). */
import * as path from "node:path";
import { InputError, type Problem } from "../../util/errors";
import type { GeneratorArgs } from "../kustomization-file";
import type { Loader } from "../loader";

export interface Pair {
  readonly key: string;
  readonly value: Buffer | string;
}

const KEY = /^[-._a-zA-Z0-9]+$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

export function keyValues(args: GeneratorArgs, loader: Loader, at: (p: (string | number)[]) => Omit<Problem, "message">, field: string, index: number): Pair[] {
  const pairs: Pair[] = [];
  const envs = [...(args.envs ?? []), ...(args.env ? [args.env] : [])];
  envs.forEach((p, i) => {
    const where = at([field, index, args.env && i === envs.length - 1 && !(args.envs ?? []).includes(p) ? "env" : "envs", i]);
    const text = loader.readFile(p, where).toString("utf8").replace(/^\uFEFF/, "");
    text.split(/\r?\n/).forEach((raw, n) => {
      const line = raw.replace(/^\s+/, "");
      if (line === "" || line.startsWith("#")) return;
      const eq = line.indexOf("=");
      const key = eq >= 0 ? line.slice(0, eq) : line;
      if (!ENV_NAME.test(key)) {
        const shown = field === "secretGenerator" && eq < 0 ? " (the line is not shown: it may hold a secret)" : ` ${JSON.stringify(key)}`;
        throw new InputError({ ...where, message: `${p}:${n + 1}: invalid env variable name${shown}` });
      }
      pairs.push({ key, value: eq >= 0 ? line.slice(eq + 1) : "" });
    });
  });
  (args.literals ?? []).forEach((lit, i) => {
    const eq = lit.indexOf("=");
    if (eq <= 0) {
      // A secret literal is not quoted back: the value may be in it.
      const shown = field === "secretGenerator" ? "" : ` ${JSON.stringify(lit)}`;
      throw new InputError({ ...at([field, index, "literals", i]), message: `invalid literal source${shown}, expected key=value` });
    }
    pairs.push({ key: lit.slice(0, eq), value: unquote(lit.slice(eq + 1)) });
  });
  (args.files ?? []).forEach((src, i) => {
    const where = at([field, index, "files", i]);
    const eq = src.indexOf("=");
    let key: string;
    let file: string;
    if (eq < 0) {
      file = src;
      key = path.basename(src);
    } else {
      key = src.slice(0, eq);
      file = src.slice(eq + 1);
      if (key === "" || file === "") throw new InputError({ ...where, message: `invalid file source ${JSON.stringify(src)}, expected [key=]path` });
    }
    pairs.push({ key, value: loader.readFile(file, where) });
  });
  const seen = new Set<string>();
  for (const p of pairs) {
    if (!KEY.test(p.key)) throw new InputError({ ...at([field, index]), message: `${JSON.stringify(p.key)} is not a valid key name: a valid config key must consist of alphanumeric characters, '-', '_' or '.'` });
    if (seen.has(p.key)) throw new InputError({ ...at([field, index]), message: `${field === "secretGenerator" ? "secret" : "configmap"} ${args.name} illegally repeats the key \`${p.key}\`` });
    seen.add(p.key);
  }
  return pairs;
}

function unquote(s: string): string {
  if (s.length < 2 || s[0] !== s[s.length - 1]) return s;
  return s[0] === '"' || s[0] === "'" ? s.slice(1, -1) : s;
}
