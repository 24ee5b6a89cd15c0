/**
 * The change view: the diff as a tree of top-level components → resources → property changes,
 * replacements first (they are what a reviewer must not miss), then deletes, creates, updates.
 */
import { valueLines } from "../diff/format-values";
import type { PlanDiff, PropertyChange, ResourceStep } from "../diff/types";
import { compareStrings } from "../util/stable-json";
import { MARKS, type ChangeGroupView, type ChangeResourceView, type ChangeView, type Mark, type PropertyChangeView } from "./model";
import { slug } from "./plan-view";

export interface ChangeLinks {
  /** The map element a resource is drawn as (by URN). */
  readonly mapIdOf?: (urn: string) => string | undefined;
  /** Counted findings on a resource (by URN). */
  readonly findingsOf?: (urn: string) => number;
}

export function changeViewOf(diff: PlanDiff, idPrefix: string, links: ChangeLinks = {}): ChangeView {
  const byKey = new Map(diff.steps.map((s) => [s.key, s]));
  const groups = new Map<string, { top: ResourceStep | undefined; resources: ChangeResourceView[] }>();
  for (const s of diff.steps) {
    if (s.op === "same" || s.depth === 0 || !isResource(s)) continue;
    const top = topOf(s, byKey);
    const key = top?.key ?? "";
    const g = groups.get(key) ?? { top, resources: [] };
    const mapId = links.mapIdOf?.(s.urn);
    g.resources.push({
      id: slug(idPrefix, "c", s.type.split(":").pop() ?? "", s.name),
      op: s.op,
      type: s.type,
      name: s.name,
      urn: s.urn,
      replaceReasons: s.replaceReasons,
      changes: s.changes.map(propertyView),
      ...(mapId ? { mapId } : {}),
      findings: links.findingsOf?.(s.urn) ?? 0,
    });
    groups.set(key, g);
  }
  const rank = (op: Mark) => MARKS.indexOf(op);
  const views: ChangeGroupView[] = [...groups.values()].map(({ top, resources }) => ({
    id: slug(idPrefix, "g", top?.name ?? "stack"),
    name: top?.name ?? diff.to.stack,
    type: top?.type ?? "pulumi:pulumi:Stack",
    resources: resources.sort((a, b) => rank(a.op) - rank(b.op) || compareStrings(a.type, b.type) || compareStrings(a.name, b.name)),
  }));
  const best = (g: ChangeGroupView) => Math.min(...g.resources.map((r) => rank(r.op)));
  views.sort((a, b) => best(a) - best(b) || compareStrings(a.name, b.name) || compareStrings(a.type, b.type));
  return {
    from: diff.from.label,
    to: diff.to.label,
    counts: { create: diff.summary.create, update: diff.summary.update, replace: diff.summary.replace, delete: diff.summary.delete, same: diff.summary.same },
    groups: uniqueIds(views),
    types: [...new Set(views.flatMap((g) => g.resources.map((r) => r.type)))].sort(compareStrings),
  };
}

/** Component steps carry no inputs of their own: the tree shows the resources under them. */
function isResource(s: ResourceStep): s is ResourceStep & { op: Mark } {
  return (s.new ?? s.old)?.custom !== false;
}

/** The step's ancestor right under the stack (undefined for resources directly under it). */
function topOf(s: ResourceStep, byKey: ReadonlyMap<string, ResourceStep>): ResourceStep | undefined {
  let cur = s;
  while (cur.depth > 1 && cur.parent) {
    const up = byKey.get(cur.parent);
    if (!up) break;
    cur = up;
  }
  return cur !== s ? cur : undefined;
}

function propertyView(c: PropertyChange): PropertyChangeView {
  const text = (v: unknown) => valueLines(v, "").join("\n");
  return {
    path: c.path,
    kind: c.kind,
    ...(c.kind !== "add" ? { old: c.secret ? "[secret]" : text(c.old) } : {}),
    ...(c.kind !== "delete" ? { new: c.secret ? "[secret]" : text(c.new) } : {}),
    replaces: c.replaces === true,
    notes: [...(c.cause ? [c.cause] : [])],
  };
}

/** Two resources of one type and name under different components would share an anchor: number the later ones. */
function uniqueIds(groups: ChangeGroupView[]): ChangeGroupView[] {
  const seen = new Map<string, number>();
  const fresh = (id: string) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  };
  return groups.map((g) => ({ ...g, id: fresh(g.id), resources: g.resources.map((r) => ({ ...r, id: fresh(r.id) })) }));
}
