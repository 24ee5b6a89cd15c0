/** Add string entries to the maps a list of fieldSpecs selects (labels, annotations). */
import { visitFieldSpec, type FieldSpec } from "../fieldspec";
import { isObj, type KObject } from "../kobject";

export function setMapEntries(obj: KObject, specs: readonly FieldSpec[], entries: Record<string, string>): void {
  const keys = Object.keys(entries).sort();
  for (const fs of specs) {
    visitFieldSpec(
      obj,
      fs,
      (holder, key) => {
        const h = holder as Record<string, unknown>;
        let m = h[key as string];
        if (m === null || m === undefined) m = h[key as string] = {};
        if (!isObj(m)) return;
        for (const k of keys) m[k] = entries[k];
      },
      "map",
    );
  }
}
