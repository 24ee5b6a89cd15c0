/**
 * Planners validate what the schema cannot (AZ IDs per region, instance types, cross-field
 * limits) and collect every problem before throwing once, each with the value path in the spec
 * (`network.azIds[2]`) and, when the caller can locate it, the file and line that set the value.
 */
import { formatPath, InputError, type Problem } from "../../src/util/errors";

export type PathSegment = string | number;

/** Where a value path of the spec was set: file, line, column (see `layerLocator`). */
export type Locate = (path: readonly PathSegment[]) => Omit<Problem, "message" | "path">;

export class Problems {
  private readonly list: Problem[] = [];

  constructor(private readonly locate?: Locate) {}

  add(path: readonly PathSegment[], message: string): void {
    this.list.push({ ...(this.locate?.(path) ?? {}), path: formatPath(path), message });
  }

  get count(): number {
    return this.list.length;
  }

  /** Throw one InputError naming every problem found so far, if any. */
  throwIfAny(what: string): void {
    if (this.list.length === 0) return;
    throw new InputError(this.list, this.list.length > 1 ? `${this.list.length} problems in the ${what}:` : undefined);
  }
}

/** `a, b and c` for messages. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
