/** `patches`: strategic merge or JSON 6902, inline or from a file, with an optional target selector. */
import { InputError } from "../../util/errors";
import { apiVersionOf } from "../resid";
import { selectResources } from "../selector";
import { applyJson6902, applySmp, parsePatchText, patchTarget } from "./apply-patch";
import type { Context } from "./context";

export function patches(ctx: Context): void {
  const entries = ctx.kust.k.patches ?? [];
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
      const selected = select(ctx, target, i, "patches");
      for (const res of selected) applyJson6902(res, parsed.ops, where, source);
      return;
    }
    if (target) {
      if (parsed.docs.length > 1) {
        throw new InputError({ ...where, message: "Multiple Strategic-Merge Patches in one `patches` entry is not allowed to set `patches.target` field" });
      }
      const selected = select(ctx, target, i, "patches");
      for (const res of selected) {
        const p = { ...parsed.docs[0]! };
        p.apiVersion = apiVersionOf(res.curId());
        applySmp(res, p, where, source);
      }
    } else {
      for (const doc of parsed.docs) applySmp(patchTarget(ctx.resmap, doc, where), doc, where, source);
    }
    ctx.resmap.compact();
  });
}

export function select(ctx: Context, target: NonNullable<Parameters<typeof selectResources>[1]>, i: number, field: string) {
  const where = ctx.kust.at([field, i, "target"]);
  const selected = selectResources(ctx.resmap.list, target, where);
  if (selected.length === 0) {
    const shown = Object.entries(target)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ");
    throw new InputError({ ...where, message: `unable to find patch target {${shown}} in \`resources\`: no resource matches the selector` });
  }
  return selected;
}
