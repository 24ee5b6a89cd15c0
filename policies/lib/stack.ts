/**
 * The whole stack as stack rules see it: resources by URN and by type, and the resources a
 * property of another resource came from (`propertyDependencies`: how a node group finds its
 * subnets when the subnet ids are `[unknown]` before apply).
 */
import type { RuleResource, Violation } from "./rule";
import { Unevaluable } from "./values";

export class StackView {
  readonly resources: readonly RuleResource[];
  private readonly byUrn = new Map<string, RuleResource>();
  private readonly byType = new Map<string, RuleResource[]>();
  private readonly byTypes = new Map<string, readonly RuleResource[]>();
  private readonly memos = new Map<unknown, unknown>();

  constructor(resources: readonly RuleResource[]) {
    this.resources = resources;
    for (const r of resources) {
      this.byUrn.set(r.urn, r);
      const list = this.byType.get(r.type) ?? [];
      list.push(r);
      this.byType.set(r.type, list);
    }
  }

  get(urn: string): RuleResource | undefined {
    return this.byUrn.get(urn);
  }

  /** Resources of these types, type by type, each in stack order. */
  ofType(...types: string[]): readonly RuleResource[] {
    const k = types.join("\n");
    let list = this.byTypes.get(k);
    if (!list) this.byTypes.set(k, (list = Object.freeze(types.flatMap((t) => this.byType.get(t) ?? []))));
    return list;
  }

  /**
   * A value derived from the whole stack, built on first use and kept for the view's life: the
   * indexes rules share (relations.ts), so that no rule scans every resource per resource.
   */
  memo<T>(key: object, build: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build());
    return this.memos.get(key) as T;
  }

  /** Resources of `type` that property `prop` of `r` was computed from. */
  referenced(r: RuleResource, prop: string, type: string): RuleResource[] {
    const urns = r.propertyDependencies[prop] ?? [];
    return urns.map((u) => this.byUrn.get(u)).filter((x): x is RuleResource => x !== undefined && x.type === type);
  }
}

/**
 * Run `fn` for each item, turning an Unevaluable (or any error) into a violation on that item
 * so that one bad resource never hides the verdict on the others.
 */
export function eachResource<T extends { urn: string }>(items: readonly T[], fn: (item: T) => readonly Violation[]): Violation[] {
  const out: Violation[] = [];
  for (const item of items) {
    try {
      out.push(...fn(item).map((v) => ({ ...v, urn: v.urn ?? item.urn })));
    } catch (err) {
      out.push(failClosed(err, item.urn));
    }
  }
  return out;
}

/** The violation a rule reports when it cannot decide. */
export function failClosed(err: unknown, urn?: string): Violation {
  const message =
    err instanceof Unevaluable
      ? `${err.message}; the rule fails closed (make the value known in the spec, or waive the rule with a reason)`
      : `the rule could not evaluate this resource: ${(err as Error)?.message ?? String(err)}; the rule fails closed`;
  return { ...(urn ? { urn } : {}), message, ...(err instanceof Unevaluable ? { path: err.path } : {}) };
}
