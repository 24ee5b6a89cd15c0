/**
 * Resource identity as kustomize sees it: group, version, kind, name and namespace, with
 * namespaces compared "effectively" (unset = default; cluster-scoped kinds have none).
 */
import type { KObject } from "./kobject";
import { isClusterScoped } from "./gvk";

export interface Gvk {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

export interface ResId extends Gvk {
  readonly name: string;
  readonly namespace: string;
}

export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf("/");
  return i >= 0 ? { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) } : { group: "", version: apiVersion };
}

export function apiVersionOf(g: Gvk): string {
  return g.group ? `${g.group}/${g.version}` : g.version;
}

export function idOf(obj: KObject): ResId {
  const meta = (obj.metadata ?? {}) as Record<string, unknown>;
  const { group, version } = parseApiVersion(str(obj.apiVersion));
  return { group, version, kind: str(obj.kind), name: str(meta.name), namespace: str(meta.namespace) };
}

function str(v: unknown): string {
  return typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
}

export function effectiveNamespace(id: ResId): string {
  if (isClusterScoped(id)) return "_non_namespaceable_";
  return id.namespace === "" || id.namespace === "default" ? "default" : id.namespace;
}

export function sameGvk(a: Gvk, b: Gvk): boolean {
  return a.kind === b.kind && a.group === b.group && a.version === b.version;
}

export function sameId(a: ResId, b: ResId): boolean {
  return a.name === b.name && sameGvk(a, b) && effectiveNamespace(a) === effectiveNamespace(b);
}

/** A key equal for ids kustomize considers equal. */
export function idKey(id: ResId): string {
  return `${id.kind}|${id.version}|${id.group}|${id.name}|${effectiveNamespace(id)}`;
}

/** `Kind.version.group/name.namespace`, with kustomize's placeholders for empty parts. */
export function formatId(id: ResId): string {
  return `${gvkString(id)}/${id.name || "[noName]"}.${id.namespace || "[noNs]"}`;
}

export function gvkString(g: Gvk): string {
  return `${g.kind || "[noKind]"}.${g.version || "[noVer]"}.${g.group || "[noGrp]"}`;
}

/** For messages: `Deployment/web` or `Deployment/prod/web`. */
export function describeId(id: ResId): string {
  return id.namespace ? `${id.kind}/${id.namespace}/${id.name}` : `${id.kind}/${id.name}`;
}

/** Gvk.IsSelected: every non-empty field of the selector must match. */
export function gvkSelected(g: Gvk, sel: Partial<Gvk>): boolean {
  return (!sel.group || g.group === sel.group) && (!sel.version || g.version === sel.version) && (!sel.kind || g.kind === sel.kind);
}
