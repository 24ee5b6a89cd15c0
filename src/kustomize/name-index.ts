/**
 * Resources by name, for the patch transformers. A patch addresses its resources by name, and
 * scanning every resource for every patch made an overlay with a patch per Deployment quadratic.
 * The index answers with every resource that has or had a name (a superset of what a patch can
 * match), in resmap order; callers apply kustomize's own predicate to those. It is kept exact by
 * re-reading the resources each patch touched — a patch changes nothing else.
 */
import type { Resource } from "./resource";
import type { ResMap } from "./resmap";

/** Characters that make a `target.name` a pattern rather than a name. */
const REGEX_SYNTAX = /[\\^$.|?*+()[\]{}]/;

/** The name a `target.name` selects when it is a plain name (its anchored regex matches that string only). */
export function literalName(re: string | undefined): string | undefined {
  return re !== undefined && re !== "" && !REGEX_SYNTAX.test(re) ? re : undefined;
}

export class NameIndex {
  private readonly byName = new Map<string, Set<Resource>>();
  private readonly namesOf = new Map<Resource, string[]>();
  private position = new Map<Resource, number>();
  /** Whether the list may hold emptied objects (a `$patch: delete`) that compaction would drop. */
  private mayHoldEmpties: boolean;

  constructor(private readonly resmap: ResMap) {
    this.rebuild();
    this.mayHoldEmpties = resmap.list.some(isEmpty);
  }

  /** Resources that have, or had, `name`, in resmap order. */
  named(name: string): Resource[] {
    const set = this.byName.get(name);
    if (!set) return [];
    return [...set].sort((a, b) => this.position.get(a)! - this.position.get(b)!);
  }

  /**
   * After a patch: re-read the names of the resources it touched and, with `compact`, drop
   * emptied objects as `ResMap.compact` does (kustomize compacts after each `patches` entry but
   * a JSON 6902 one, and after each `patchesStrategicMerge` entry).
   */
  touched(resources: readonly Resource[], { compact }: { compact: boolean }): void {
    for (const r of resources) this.index(r);
    if (resources.some(isEmpty)) this.mayHoldEmpties = true;
    if (compact && this.mayHoldEmpties) {
      const before = this.resmap.list.length;
      this.resmap.compact();
      this.mayHoldEmpties = false;
      if (this.resmap.list.length !== before) this.rebuild();
    }
  }

  /** After `resmap.list.push(r)`. */
  appended(r: Resource): void {
    this.position.set(r, this.resmap.list.length - 1);
    this.index(r);
  }

  /** After `resmap.list[i] = r` took the place of `old`. */
  replaced(old: Resource, r: Resource): void {
    this.position.set(r, this.position.get(old)!);
    for (const name of this.namesOf.get(old) ?? []) this.byName.get(name)?.delete(old);
    this.namesOf.delete(old);
    this.position.delete(old);
    this.index(r);
  }

  private rebuild(): void {
    this.byName.clear();
    this.namesOf.clear();
    this.position = new Map(this.resmap.list.map((r, i) => [r, i]));
    for (const r of this.resmap.list) this.index(r);
  }

  private index(r: Resource): void {
    for (const name of this.namesOf.get(r) ?? []) this.byName.get(name)?.delete(r);
    const names = [...new Set(r.allIds().map((id) => id.name))];
    this.namesOf.set(r, names);
    for (const name of names) {
      let set = this.byName.get(name);
      if (!set) this.byName.set(name, (set = new Set()));
      set.add(r);
    }
  }
}

function isEmpty(r: Resource): boolean {
  if (r.obj === null) return true;
  for (const _ in r.obj) return false;
  return true;
}
