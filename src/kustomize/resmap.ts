/**
 * The ordered set of resources of a build (kustomize's resWrangler): append with id-collision
 * checks, lookups by current or any previous id, selection by patch targets.
 */
import { InputError } from "../util/errors";
import type { Resource } from "./resource";
import { describeId, formatId, idKey, sameId, type ResId } from "./resid";

export class ResMap {
  constructor(public list: Resource[] = []) {}

  get size(): number {
    return this.list.length;
  }

  /** Append; an id already registered is an error (kustomize: "may not add resource with an already registered id"). */
  append(res: Resource, where?: string): void {
    const id = res.curId();
    const existing = this.list.find((r) => sameId(r.curId(), id));
    if (existing) {
      throw new InputError({
        ...(where ? { file: where } : {}),
        message: `may not add resource with an already registered id: ${formatId(id)} (${describeId(id)} from ${res.source} collides with the one from ${existing.source})`,
      });
    }
    this.list.push(res);
  }

  appendAll(other: Iterable<Resource>, where?: string): void {
    const seen = new Map<string, Resource>();
    for (const r of this.list) seen.set(idKey(r.curId()), r);
    for (const res of other) {
      const id = res.curId();
      const existing = seen.get(idKey(id));
      if (existing) {
        throw new InputError({
          ...(where ? { file: where } : {}),
          message: `may not add resource with an already registered id: ${formatId(id)} (${describeId(id)} from ${res.source} collides with the one from ${existing.source})`,
        });
      }
      seen.set(idKey(id), res);
      this.list.push(res);
    }
  }

  byCurrentId(id: ResId): Resource[] {
    return this.list.filter((r) => sameId(r.curId(), id));
  }

  byAnyId(id: ResId): Resource[] {
    return this.list.filter((r) => r.allIds().some((x) => sameId(x, id)));
  }

  objects(): Resource[] {
    return this.list;
  }

  /** Drop resources whose object was deleted (a `$patch: delete`). */
  compact(): void {
    this.list = this.list.filter((r) => r.obj !== null && Object.keys(r.obj).length > 0);
  }
}
