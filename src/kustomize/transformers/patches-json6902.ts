/** `patchesJson6902` (deprecated): a target (name required) and a JSON 6902 patch; runs after labels and annotations. */
import { InputError } from "../../util/errors";
import { NameIndex } from "../name-index";
import { applyJson6902, parsePatchText } from "./apply-patch";
import type { Context } from "./context";
import { select } from "./patches";

export function patchesJson6902(ctx: Context): void {
  const entries = ctx.kust.k.patchesJson6902 ?? [];
  if (entries.length === 0) return;
  const index = new NameIndex(ctx.resmap);
  entries.forEach((entry, i) => {
    const where = ctx.kust.at(["patchesJson6902", i]);
    if (!entry.target?.name) throw new InputError({ ...where, message: "patchesJson6902 needs a target with a name" });
    if (entry.patch === undefined && entry.path === undefined) throw new InputError({ ...where, message: "must specify one of patch and path" });
    const text = entry.patch ?? ctx.loader.readFile(entry.path!, ctx.kust.at(["patchesJson6902", i, "path"])).toString("utf8");
    const source = entry.path !== undefined ? ctx.loader.show(ctx.loader.abs(entry.path)) : undefined;
    const parsed = parsePatchText(text, source ? ctx.kust.at(["patchesJson6902", i, "path"]) : where, "json6902", source);
    if (parsed.type !== "json6902") return;
    const selected = select(ctx, entry.target, i, "patchesJson6902", index);
    for (const res of selected) applyJson6902(res, parsed.ops, where, source);
    index.touched(selected, { compact: false });
  });
}
