/** `nameSuffix`: see name-prefix.ts. */
import type { Context } from "./context";
import { rename } from "./name-prefix";

export function nameSuffix(ctx: Context): void {
  if (ctx.kust.k.nameSuffix) rename(ctx, ctx.kust.k.nameSuffix, "suffix");
}
