/** One resource in a build: its object plus what kustomize tracks beside it. */
import type { KObject } from "./kobject";
import { idOf, type ResId } from "./resid";

export type Behavior = "create" | "merge" | "replace";

export class Resource {
  /** Ids the resource had before renames, oldest first (kustomize's previous-id annotations). */
  prevIds: ResId[] = [];
  /** Set on generated ConfigMaps/Secrets: how they combine with an existing one. */
  behavior: Behavior | undefined;
  /** A content-hash suffix is appended to the name at the end of the build. */
  needsHash = false;
  /** Prefixes and suffixes applied so far, innermost first (name references compare them). */
  prefixes: string[] = [];
  suffixes: string[] = [];
  /** Where the resource came from, for messages. */
  source: string;

  constructor(
    public obj: KObject,
    source: string,
  ) {
    this.source = source;
  }

  curId(): ResId {
    return idOf(this.obj);
  }

  orgId(): ResId {
    return this.prevIds[0] ?? this.curId();
  }

  /** Every id the resource has had, current first. */
  allIds(): ResId[] {
    return [this.curId(), ...this.prevIds];
  }

  /** Remember the current id before a transformer renames the resource. */
  storePreviousId(): void {
    this.prevIds.push(this.curId());
  }

  copyTrackingFrom(other: Resource): void {
    this.prevIds = other.prevIds.slice();
    this.prefixes = other.prefixes.slice();
    this.suffixes = other.suffixes.slice();
  }
}
