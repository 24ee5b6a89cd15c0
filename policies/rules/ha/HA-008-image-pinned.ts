import { containersOf, POD_OWNERS } from "../../lib/k8s";
import type { ResourceRule, Violation } from "../../lib/rule";
import { reqString } from "../../lib/values";

/** `registry[:port]/repo[:tag][@digest]`: the tag is after the last `:` of the last path segment. */
export function imageRef(image: string): { tag?: string; digest?: string } {
  const at = image.indexOf("@");
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const last = name.slice(name.lastIndexOf("/") + 1);
  const colon = last.lastIndexOf(":");
  return { ...(colon >= 0 ? { tag: last.slice(colon + 1) } : {}), ...(digest ? { digest } : {}) };
}

export const rule: ResourceRule = {
  id: "HA-008",
  slug: "image-pinned",
  title: "Images are pinned by tag or digest, never `latest`",
  family: "ha-k8s",
  severity: "high",
  scope: "resource",
  resourceTypes: [...POD_OWNERS],
  rationale:
    "An untagged or `latest` image changes under a running Deployment: a rescheduled pod pulls different code than its " +
    "siblings, and a rollback rolls back nothing. A digest pins the bytes and always passes.",
  remediation: "Set `services.<name>.image.tag` to a release tag or `image.digest` to `sha256:…`; promotion copies them between envs.",
  check(r) {
    const out: Violation[] = [];
    for (const { container, name, path, init } of containersOf(r, { init: true })) {
      const image = reqString(container, "image", `${path}.image`);
      const ref = imageRef(image);
      if (ref.digest) continue;
      const what = init ? "init container" : "container";
      if (ref.tag === undefined) out.push({ path: `${path}.image`, message: `${what} ${name} uses ${image} with no tag (pulls latest)` });
      else if (ref.tag === "latest") out.push({ path: `${path}.image`, message: `${what} ${name} uses the mutable tag latest (${image})` });
    }
    return out;
  },
};
