/** Patch targets: `target:` selectors (anchored regexes on original OR current ids, label/annotation selectors). */
import { InputError, type Problem } from "../util/errors";
import { isObj, stringMap } from "./kobject";
import type { Selector } from "./kustomization-file";
import type { Resource } from "./resource";
import { effectiveNamespace } from "./resid";

function anchored(re: string | undefined, where: Omit<Problem, "message">): RegExp | undefined {
  if (re === undefined || re === "") return undefined;
  try {
    return new RegExp(`^(?:${re})$`);
  } catch (err) {
    throw new InputError({ ...where, message: `invalid regular expression ${JSON.stringify(re)}: ${(err as Error).message}` });
  }
}

export function selectResources(list: readonly Resource[], sel: Selector, where: Omit<Problem, "message">): Resource[] {
  const name = anchored(sel.name, where);
  const ns = anchored(sel.namespace, where);
  const group = anchored(sel.group, where);
  const version = anchored(sel.version, where);
  const kind = anchored(sel.kind, where);
  const labels = sel.labelSelector ? parseSelector(sel.labelSelector, where) : undefined;
  const annotations = sel.annotationSelector ? parseSelector(sel.annotationSelector, where) : undefined;
  return list.filter((r) => {
    const cur = r.curId();
    const org = r.orgId();
    if (ns && !ns.test(effectiveNamespace(org)) && !ns.test(effectiveNamespace(cur))) return false;
    if (name && !name.test(org.name) && !name.test(cur.name)) return false;
    if (group && !group.test(cur.group)) return false;
    if (version && !version.test(cur.version)) return false;
    if (kind && !kind.test(cur.kind)) return false;
    if (labels && !labels(stringMap(r.obj, "labels"))) return false;
    if (annotations && !annotations(stringMap(r.obj, "annotations"))) return false;
    return true;
  });
}

type Requirement = (m: Record<string, string>) => boolean;

/** A Kubernetes label selector string: `a=b,c!=d,e in (x,y),f notin (z),g,!h`. */
export function parseSelector(text: string, where: Omit<Problem, "message">): (m: Record<string, string>) => boolean {
  const reqs: Requirement[] = [];
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const c of text) {
    if (c === "(") depth++;
    if (c === ")") depth--;
    if (c === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += c;
  }
  parts.push(cur);
  for (const raw of parts) {
    const p = raw.trim();
    if (p === "") continue;
    let m: RegExpExecArray | null;
    if ((m = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p))) {
      const [, key, op, vals] = m;
      const set = new Set(vals!.split(",").map((v) => v.trim()));
      reqs.push(op === "in" ? (l) => key! in l && set.has(l[key!]!) : (l) => !(key! in l) || !set.has(l[key!]!));
    } else if ((m = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s]*)$/.exec(p))) {
      const [, key, op, val] = m;
      reqs.push(op === "!=" ? (l) => l[key!] !== val : (l) => key! in l && l[key!] === val);
    } else if ((m = /^!\s*([^\s!=]+)$/.exec(p))) {
      const key = m[1]!;
      reqs.push((l) => !(key in l));
    } else if ((m = /^([^\s!=()]+)$/.exec(p))) {
      const key = m[1]!;
      reqs.push((l) => key in l);
    } else {
      throw new InputError({ ...where, message: `invalid selector ${JSON.stringify(text)}: cannot read ${JSON.stringify(p)}` });
    }
  }
  return (l) => reqs.every((r) => r(l));
}

export function isSelectorEmpty(sel: Selector | undefined): boolean {
  return !sel || !isObj(sel) || Object.values(sel).every((v) => v === undefined || v === "");
}
