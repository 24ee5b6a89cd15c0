/** `patchesStrategicMerge` (deprecated): file paths or inline patches, each addressing resources by its own id. */
import { NameIndex } from "../name-index";
import { parsePatchText } from "./apply-patch";
import type { Context } from "./context";
import { applyTargetless } from "./patches";

export function patchesStrategicMerge(ctx: Context): void {
  const entries = ctx.kust.k.patchesStrategicMerge ?? [];
  if (entries.length === 0) return;
  const index = new NameIndex(ctx.resmap);
  entries.forEach((entry, i) => {
    const where = ctx.kust.at(["patchesStrategicMerge", i]);
    const inline = entry.includes("\n") || /^\s*[{\[]/.test(entry) || (!/\.(ya?ml|json)$/i.test(entry.trim()) && entry.includes(":"));
    const text = inline ? entry : ctx.loader.readFile(entry, where).toString("utf8");
    const parsed = parsePatchText(text, where, "smp", inline ? undefined : ctx.loader.show(ctx.loader.abs(entry)));
    if (parsed.type !== "smp") return;
    applyTargetless(ctx, parsed.docs, where, index);
  });
}
