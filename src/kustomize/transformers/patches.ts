/** `patches`: strategic merge or JSON 6902, inline or from a file, with an optional target selector. */
import { InputError, type Problem } from "../../util/errors";
import type { KObject } from "../kobject";
import { literalName, NameIndex } from "../name-index";
import { apiVersionOf } from "../resid";
import { selectResources } from "../selector";
import { applyJson6902, applySmp, parsePatchText, patchTarget } from "./apply-patch";
import type { Context } from "./context";

export function patches(ctx: Context): void {
  const entries = ctx.kust.k.patches ?? [];
  if (entries.length === 0) return;
  const index = new NameIndex(ctx.resmap);
  entries.forEach((entry, i) => {
    const where = ctx.kust.at(["patches", i]);
    if (entry.patch !== undefined && entry.path !== undefined) throw new InputError({ ...where, message: "patch and path can't be set at the same time" });
    if (entry.patch === undefined && entry.path === undefined) throw new InputError({ ...where, message: "must specify one of patch and path" });
    const text = entry.patch ?? ctx.loader.readFile(entry.path!, ctx.kust.at(["patches", i, "path"])).toString("utf8");
    const source = entry.path !== undefined ? ctx.loader.show(ctx.loader.abs(entry.path)) : undefined;
    const parsed = parsePatchText(text, source ? ctx.kust.at(["patches", i, "path"]) : where, "any", source);
    const target = entry.target;
    if (parsed.type === "json6902") {
      if (!target) throw new InputError({ ...where, message: "must specify a target for a JSON 6902 patch" });
      const selected = select(ctx, target, i, "patches", index);
      for (const res of selected) applyJson6902(res, parsed.ops, where, source);
      index.touched(selected, { compact: false });
      return;
    }
    if (target) {
      if (parsed.docs.length > 1) {
        throw new InputError({ ...where, message: "Multiple Strategic-Merge Patches in one `patches` entry is not allowed to set `patches.target` field" });
      }
      const selected = select(ctx, target, i, "patches", index);
      for (const res of selected) {
        const p = { ...parsed.docs[0]! };
        p.apiVersion = apiVersionOf(res.curId());
        applySmp(res, p, where, source);
      }
      index.touched(selected, { compact: true });
    } else {
      applyTargetless(ctx, parsed.docs, where, index, source);
    }
  });
}

/** Target-less strategic merge patches, each on the one resource its own id names; then compaction. */
export function applyTargetless(ctx: Context, docs: readonly KObject[], where: Omit<Problem, "message">, index: NameIndex, source?: string): void {
  for (const doc of docs) {
    const res = patchTarget(ctx.resmap, doc, where, index);
    applySmp(res, doc, where, source);
    index.touched([res], { compact: false });
  }
  index.touched([], { compact: true });
}

/** The resources a `target` selects (at least one), looked up by name when it names one. */
export function select(ctx: Context, target: NonNullable<Parameters<typeof selectResources>[1]>, i: number, field: string, index?: NameIndex) {
  const where = ctx.kust.at([field, i, "target"]);
  const name = literalName(target.name);
  const selected = selectResources(index && name !== undefined ? index.named(name) : ctx.resmap.list, target, where);
  if (selected.length === 0) {
    const shown = Object.entries(target)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ");
    throw new InputError({ ...where, message: `unable to find patch target {${shown}} in \`resources\`: no resource matches the selector` });
  }
  return selected;
}
