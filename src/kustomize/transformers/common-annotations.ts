/** `commonAnnotations`: metadata.annotations plus pod and job template annotations. */
import { COMMON_ANNOTATIONS } from "../builtin-fieldspecs";
import type { Context } from "./context";
import { setMapEntries } from "./set-map-entries";

export function commonAnnotations(ctx: Context): void {
  const a = ctx.kust.k.commonAnnotations ?? {};
  if (Object.keys(a).length === 0) return;
  for (const res of ctx.resmap.list) setMapEntries(res.obj, COMMON_ANNOTATIONS, a);
}
