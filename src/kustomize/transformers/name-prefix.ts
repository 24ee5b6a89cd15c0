/** `namePrefix` and `nameSuffix`: rename every resource except CRDs, APIServices and Namespaces. */
import { metadataOf } from "../kobject";
import type { Resource } from "../resource";
import type { Context } from "./context";

function skipped(res: Resource): boolean {
  const org = res.orgId();
  return org.kind === "CustomResourceDefinition" || (org.kind === "APIService" && org.group === "apiregistration.k8s.io") || org.kind === "Namespace";
}

export function rename(ctx: Context, affix: string, where: "prefix" | "suffix"): void {
  for (const res of ctx.resmap.list) {
    if (skipped(res)) continue;
    if (where === "prefix") res.prefixes.push(affix);
    else res.suffixes.push(affix);
    res.storePreviousId();
    const meta = metadataOf(res.obj, true);
    const name = typeof meta.name === "string" ? meta.name : meta.name === undefined || meta.name === null ? "" : String(meta.name);
    meta.name = where === "prefix" ? affix + name : name + affix;
  }
}

export function namePrefix(ctx: Context): void {
  if (ctx.kust.k.namePrefix) rename(ctx, ctx.kust.k.namePrefix, "prefix");
}
