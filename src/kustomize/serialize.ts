/** The output of `kubectl kustomize`: each object as go-yaml v2 prints it, separated by `---`. */
import type { KObject } from "./kobject";
import { Emitter } from "./yaml/emit";

export function serializeObjects(objs: readonly KObject[]): string {
  const parts: string[] = [];
  for (const obj of objs) {
    const e = new Emitter();
    e.document(obj);
    parts.push(e.text());
  }
  return parts.join("---\n");
}
