/** `patchesStrategicMerge` (deprecated): file paths or inline patches, each addressing resources by its own id. */
import { applySmp, parsePatchText, patchTarget } from "./apply-patch";
import type { Context } from "./context";

export function patchesStrategicMerge(ctx: Context): void {
  (ctx.kust.k.patchesStrategicMerge ?? []).forEach((entry, i) => {
    const where = ctx.kust.at(["patchesStrategicMerge", i]);
    const inline = entry.includes("\n") || /^\s*[{\[]/.test(entry) || (!/\.(ya?ml|json)$/i.test(entry.trim()) && entry.includes(":"));
    const text = inline ? entry : ctx.loader.readFile(entry, where).toString("utf8");
    const parsed = parsePatchText(text, where, "smp", inline ? undefined : ctx.loader.show(ctx.loader.abs(entry)));
    if (parsed.type !== "smp") return;
    for (const doc of parsed.docs) applySmp(patchTarget(ctx.resmap, doc, where), doc, where);
    ctx.resmap.compact();
  });
}
