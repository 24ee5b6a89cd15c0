/**
 * Policy findings, grouped by the map element their resource is drawn as (the map's finding
 * badges link to these groups), then the resources drawn nowhere.
 */
import type { CheckResult, Finding } from "../check/types";
import { compareStrings } from "../util/stable-json";
import type { FindingGroupView, FindingView, MapElement } from "./model";
import { slug } from "./plan-view";

/** Violations and expired waivers: what the check counts, so what the map's badges count. */
export function isCounted(f: Finding): boolean {
  return f.kind === "violation" || f.kind === "waiver-expired";
}

export function countedByUrn(check: CheckResult | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of check?.findings ?? []) if (f.urn && isCounted(f)) out.set(f.urn, (out.get(f.urn) ?? 0) + 1);
  return out;
}

/**
 * The element each URN is shown with: the element that is the resource itself, else the first
 * (in drawing order) that holds it.
 */
export function elementByUrn(elements: readonly MapElement[]): Map<string, MapElement> {
  const out = new Map<string, MapElement>();
  for (const el of elements) if (el.urns[0] && !out.has(el.urns[0])) out.set(el.urns[0], el);
  for (const el of elements) for (const u of el.urns) if (!out.has(u)) out.set(u, el);
  return out;
}

export function findingGroupsOf(check: CheckResult | undefined, owners: ReadonlyMap<string, MapElement>, idPrefix: string): FindingGroupView[] {
  const groups = new Map<string, { el?: MapElement; findings: FindingView[] }>();
  for (const f of check?.findings ?? []) {
    const el = f.urn ? owners.get(f.urn) : undefined;
    const key = el?.id ?? "";
    const g = groups.get(key) ?? (el ? { el, findings: [] } : { findings: [] });
    g.findings.push(findingView(f));
    groups.set(key, g);
  }
  const order = [...owners.values()].map((e) => e.id);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : order.indexOf(a) - order.indexOf(b)))
    .map(([, g]) => ({
      id: groupId(idPrefix, g.el),
      ...(g.el ? { mapId: g.el.id } : {}),
      title: g.el?.label ?? "Resources not drawn on the map",
      findings: g.findings.sort(compareFindings),
    }));
}

/** The anchor of an element's findings (the map badge's link target). */
export function groupId(idPrefix: string, el: MapElement | undefined): string {
  return el ? `${el.id}-findings` : slug(idPrefix, "findings-other");
}

function findingView(f: Finding): FindingView {
  return {
    rule: f.rule,
    ...(f.severity ? { severity: f.severity } : {}),
    level: f.level,
    kind: f.kind,
    resource: f.resource,
    message: f.message,
    ...(f.path ? { path: f.path } : {}),
  };
}

/** Mandatory before advisory, counted before the rest, then by resource and rule. */
function compareFindings(a: FindingView, b: FindingView): number {
  const weight = (f: FindingView) => (f.level === "mandatory" ? 0 : 2) + (f.kind === "violation" || f.kind === "waiver-expired" ? 0 : 1);
  return weight(a) - weight(b) || compareStrings(a.resource, b.resource) || compareStrings(a.rule, b.rule) || compareStrings(a.message, b.message);
}
