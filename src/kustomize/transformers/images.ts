/**
 * `images`: rewrite container images whose name matches (`name`, optional `:tag`, optional
 * `@sha256:digest`) — every `containers`/`initContainers` list anywhere in a non-CRD object,
 * then the image fieldSpecs (which add image volumes).
 */
import { IMAGES } from "../builtin-fieldspecs";
import { visitFieldSpec } from "../fieldspec";
import { isObj } from "../kobject";
import type { Context } from "./context";

type Image = NonNullable<Context["kust"]["k"]["images"]>[number];

export function images(ctx: Context): void {
  const entries = (ctx.kust.k.images ?? []).flatMap((img) => {
    try {
      return [{ img, re: new RegExp(`^${img.name}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`) }];
    } catch {
      return [];
    }
  });
  if (entries.length === 0) return;
  type Slot = [Record<string | number, unknown>, string | number];
  for (const res of ctx.resmap.list) {
    if (res.obj.kind === "CustomResourceDefinition") continue;
    // kustomize runs, per image entry, a walk over every containers list and then the image
    // fieldSpecs; slots are independent, so each slot can take the entries in turn.
    const legacy: Slot[] = [];
    walkContainers(res.obj, (h, k) => legacy.push([h, k]));
    const specs: Slot[] = [];
    for (const fs of IMAGES) visitFieldSpec(res.obj, fs, (h, k) => specs.push([h as Record<string | number, unknown>, k]));
    if (legacy.length === 0 && specs.length === 0) continue;
    for (const { img, re } of entries) {
      for (const slots of [legacy, specs]) {
        for (const [h, k] of slots) {
          const v = h[k];
          if (typeof v === "string" && re.test(v)) h[k] = retag(v, img);
        }
      }
    }
  }
}

function walkContainers(node: unknown, update: (h: Record<string, unknown>, k: string) => void): void {
  if (Array.isArray(node)) {
    for (const el of node) walkContainers(el, update);
    return;
  }
  if (!isObj(node)) return;
  for (const key of Object.keys(node)) {
    const v = node[key];
    walkContainers(v, update);
    if ((key === "containers" || key === "initContainers") && Array.isArray(v)) {
      for (const c of v) if (isObj(c) && "image" in c) update(c, "image");
    }
  }
}

/** image.Split + the updater of kustomize's imagetag filter. */
export function retag(value: string, img: Image): string {
  let [name, tag, digest] = splitImage(value);
  if (img.newName) name = img.newName;
  if (img.newTag && img.digest) {
    tag = img.newTag;
    digest = img.digest;
  } else if (img.newTag) {
    tag = img.newTag;
    digest = "";
  } else if (img.digest) {
    tag = "";
    digest = img.digest;
  } else if (img.tagSuffix) {
    tag += img.tagSuffix;
    digest = "";
  }
  if (tag) name += `:${tag}`;
  if (digest) name += `@${digest}`;
  return name;
}

export function splitImage(image: string): [string, string, string] {
  let search = image;
  let slash = image.indexOf("/");
  if (slash > 0) search = image.slice(slash);
  else slash = 0;
  let id = search.indexOf("@");
  let ic = search.indexOf(":");
  if (ic < 0 && id < 0) return [image, "", ""];
  if (id >= 0 && (id < ic || ic < 0)) {
    id += slash;
    return [image.slice(0, id), "", image.slice(id + 1)];
  }
  if (id >= 0 && ic >= 0) {
    id += slash;
    ic += slash;
    return [image.slice(0, ic), image.slice(ic + 1, id), image.slice(id + 1)];
  }
  ic += slash;
  return [image.slice(0, ic), image.slice(ic + 1), ""];
}
