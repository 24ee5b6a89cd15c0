/**
 * Fix name references after every rename (prefix, suffix, hash), once at the top level: a field
 * that names a renamed resource by one of its previous names gets the current name
 * (kustomize's nameReferenceTransformer and nameref filter).
 */
import { InputError } from "../util/errors";
import { visitFieldSpec } from "./fieldspec";
import { isClusterScoped } from "./gvk";
import { isObj, metadataOf, scalarText } from "./kobject";
import { NAME_REFERENCES } from "./name-reference-specs";
import type { Resource } from "./resource";
import { describeId, effectiveNamespace, gvkSelected, type Gvk } from "./resid";

export function fixNameReferences(list: readonly Resource[]): void {
  const renamed = list.filter((r) => r.prevIds.length > 0);
  if (renamed.length === 0) return;
  const subsets = new Map<string, Resource[]>();
  for (const referrer of list) {
    const org = referrer.orgId();
    let candidates: Resource[] | undefined;
    for (const back of NAME_REFERENCES) {
      for (const fs of back.referrers) {
        if (!gvkSelected(org, fs)) continue;
        candidates ??= couldBeReferenced(referrer, renamed, subsets);
        const cands = candidates;
        visitFieldSpec(referrer.obj, { path: fs.path }, (holder, key) => {
          const h = holder as Record<string | number, unknown>;
          const v = h[key];
          if (v === null || v === undefined) return;
          if (Array.isArray(v)) {
            for (let i = 0; i < v.length; i++) setOne(v as unknown as Record<number, unknown>, i, referrer, back.target, fs.path, cands);
          } else setOne(h, key, referrer, back.target, fs.path, cands);
        });
      }
    }
  }
}

function setOne(h: Record<string | number, unknown>, key: string | number, referrer: Resource, target: Partial<Gvk>, path: string, cands: Resource[]): void {
  const v = h[key];
  if (isObj(v)) {
    if (!("name" in v)) return;
    let pool = cands;
    if ("namespace" in v) {
      const ns = scalarText(v.namespace);
      const byOrg = cands.filter((r) => r.orgId().namespace === ns);
      pool = byOrg.length > 0 ? byOrg : cands.filter((r) => r.curId().namespace === ns);
    }
    const ref = selectReferral(scalarText(v.name), pool, referrer, target, path, true);
    if (!ref) return;
    const meta = metadataOf(ref.obj);
    const name = scalarText(meta.name);
    const ns = scalarText(meta.namespace);
    if (name === scalarText(v.name) && ns === "") return;
    v.name = name;
    if (ns !== "") v.namespace = ns;
    return;
  }
  if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") return;
  const ref = selectReferral(scalarText(v), cands, referrer, target, path, false);
  if (!ref) return;
  const name = scalarText(metadataOf(ref.obj).name);
  if (name !== scalarText(v)) h[key] = name;
}

function selectReferral(oldName: string, list: Resource[], referrer: Resource, target: Partial<Gvk>, path: string, withNs: boolean): Resource | undefined {
  let c = list.filter((r) => r.prevIds.some((id) => id.name === oldName));
  c = c.filter((r) => r.prevIds.some((id) => gvkSelected(id, target)));
  if (path.endsWith("roleRef/name")) {
    const roleRef = referrer.obj.roleRef;
    if (isObj(roleRef) && roleRef.apiGroup !== undefined && roleRef.kind !== undefined) {
      const g = { group: scalarText(roleRef.apiGroup), kind: scalarText(roleRef.kind) };
      c = c.filter((r) => r.prevIds.some((id) => gvkSelected(id, g)));
    }
  }
  const rid = referrer.curId();
  if (!isClusterScoped(rid)) {
    c = c.filter((r) => isClusterScoped(r.curId()) || r.obj.kind === "ServiceAccount" || effectiveNamespace(r.curId()) === effectiveNamespace(rid));
  }
  if (c.length === 1) return c[0];
  c = c.filter((r) => affixesEqual(r, referrer, true));
  if (c.length > 1) c = c.filter((r) => affixesEqual(r, referrer, false));
  if (c.length === 1) return c[0];
  if (c.length === 0) return undefined;
  const first = metadataOf(c[0]!.obj);
  if (c.every((r) => metadataOf(r.obj).name === first.name && (!withNs || metadataOf(r.obj).namespace === first.namespace))) return c[0];
  throw new InputError({
    message: `found multiple possible referrals for ${JSON.stringify(oldName)} in ${path} of ${describeId(referrer.curId())}: ${c.map((r) => describeId(r.curId())).join(", ")}`,
  });
}

function affixesEqual(a: Resource, b: Resource, allowEmpty: boolean): boolean {
  if (allowEmpty) {
    const p = a.prefixes.length === 0 || b.prefixes.length === 0 || sameEnding(a.prefixes, b.prefixes);
    const s = a.suffixes.length === 0 || b.suffixes.length === 0 || sameEnding(a.suffixes, b.suffixes);
    return p && s;
  }
  return sameEnding(a.prefixes, b.prefixes) && sameEnding(a.suffixes, b.suffixes);
}

function sameEnding(x: string[], y: string[]): boolean {
  let [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const diff = long.length - short.length;
  if (short.length === 0) return diff === 0;
  for (let i = short.length - 1; i >= 0; i--) if (long[i + diff] !== short[i]) return false;
  return true;
}

/**
 * resWrangler.SubsetThatCouldBeReferencedByResource. Fixing references renames nothing, so the
 * subset of a namespace is the same for every referrer in it: kept in `subsets`.
 */
function couldBeReferenced(referrer: Resource, list: Resource[], subsets: Map<string, Resource[]>): Resource[] {
  const rid = referrer.curId();
  if (isClusterScoped(rid)) return list;
  const rbNamespaces = new Set<string>();
  if ((rid.kind === "RoleBinding" || rid.kind === "ClusterRoleBinding") && Array.isArray(referrer.obj.subjects)) {
    for (const s of referrer.obj.subjects) if (isObj(s) && s.kind === "ServiceAccount" && typeof s.namespace === "string") rbNamespaces.add(s.namespace);
  }
  if (rbNamespaces.size === 0) {
    const ns = effectiveNamespace(rid);
    let subset = subsets.get(ns);
    if (!subset) subsets.set(ns, (subset = list.filter((r) => isClusterScoped(r.curId()) || effectiveNamespace(r.curId()) === ns)));
    return subset;
  }
  return list.filter((r) => {
    const id = r.curId();
    return isClusterScoped(id) || effectiveNamespace(id) === effectiveNamespace(rid) || rbNamespaces.has(id.namespace);
  });
}
