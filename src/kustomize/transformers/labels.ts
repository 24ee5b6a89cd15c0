/**
 * `labels` and `commonLabels`. A `labels` entry sets metadata.labels only, plus pod and job
 * templates with includeTemplates, plus selectors with includeSelectors (the commonLabels set).
 */
import { COMMON_LABELS, METADATA_LABELS } from "../builtin-fieldspecs";
import type { FieldSpec } from "../fieldspec";
import type { Context } from "./context";
import { setMapEntries } from "./set-map-entries";

export function labels(ctx: Context): void {
  for (const entry of ctx.kust.k.labels ?? []) {
    const pairs = entry.pairs ?? {};
    if (Object.keys(pairs).length === 0) continue;
    let specs: FieldSpec[] = [...(entry.fields ?? [])];
    if (entry.includeSelectors) specs = mergeSpecs(specs, COMMON_LABELS);
    else {
      if (entry.includeTemplates) specs = mergeSpecs(specs, METADATA_LABELS);
      specs = mergeSpecs(specs, [{ path: "metadata/labels", create: true }]);
    }
    for (const res of ctx.resmap.list) setMapEntries(res.obj, specs, pairs);
  }
  const common = ctx.kust.k.commonLabels ?? {};
  if (Object.keys(common).length > 0) for (const res of ctx.resmap.list) setMapEntries(res.obj, COMMON_LABELS, common);
}

/** FsSlice.MergeAll: add the specs not already present (same gvk and path). */
function mergeSpecs(a: FieldSpec[], b: readonly FieldSpec[]): FieldSpec[] {
  const out = [...a];
  for (const fs of b) {
    if (!out.some((x) => x.path === fs.path && (x.kind ?? "") === (fs.kind ?? "") && (x.group ?? "") === (fs.group ?? "") && (x.version ?? "") === (fs.version ?? ""))) out.push(fs);
  }
  return out;
}
