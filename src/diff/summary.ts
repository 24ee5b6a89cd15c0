/** Short summaries of a diff: counts per operation and the resource types that change most. */
import { compareStrings } from "../util/stable-json";
import type { PlanDiff } from "./types";

export interface KindCount {
  readonly type: string;
  readonly count: number;
}

/** The types with the most changed (non-`same`) resources, most first, ties by name. */
export function topChangedKinds(diff: PlanDiff, limit: number): KindCount[] {
  const counts = new Map<string, number>();
  for (const s of diff.steps) if (s.op !== "same") counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
  return [...counts]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || compareStrings(a.type, b.type))
    .slice(0, limit);
}

/** `+2 create, ~3 update, +-1 replace, -1 delete, 20 unchanged` (zero counts left out). */
export function countsLine(diff: PlanDiff): string {
  const s = diff.summary;
  const parts = [
    s.create ? `+${s.create} create` : "",
    s.update ? `~${s.update} update` : "",
    s.replace ? `+-${s.replace} replace` : "",
    s.delete ? `-${s.delete} delete` : "",
    `${s.same} unchanged`,
  ].filter(Boolean);
  return parts.join(", ");
}

export function changeCount(diff: PlanDiff): number {
  const s = diff.summary;
  return s.create + s.update + s.replace + s.delete;
}
