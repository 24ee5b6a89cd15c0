/**
 * Does a property change force the resource to be replaced? Applies the force-new table
 * (force-new.ts) to one change, with the resource's old and new inputs and its provider's
 * inputs for the rules that depend on them.
 */
import { isPlainObject } from "../util/plain";
import { FORCE_NEW, FORCE_NEW_BY_PACKAGE, isPatchType, type ForceNewRule } from "./force-new";
import { parseRulePath, schemaSegments, type Seg } from "./paths";

export interface ReplacementContext {
  readonly type: string;
  readonly oldInputs: Readonly<Record<string, unknown>>;
  readonly newInputs: Readonly<Record<string, unknown>>;
  /** Inputs of the provider resource that manages the new resource. */
  readonly providerInputs?: Readonly<Record<string, unknown>>;
}

interface CompiledRule extends ForceNewRule {
  readonly segs: readonly string[];
}

const cache = new Map<string, readonly CompiledRule[]>();

/** The rules of a resource type: its package's and its own (patch resources: identity only). */
export function rulesFor(type: string): readonly CompiledRule[] {
  let rules = cache.get(type);
  if (!rules) {
    const pkg = type.split(":")[0]!;
    const own = isPatchType(type) ? [] : (FORCE_NEW[type] ?? []);
    rules = [...(FORCE_NEW_BY_PACKAGE[pkg] ?? []), ...own].map((e) => {
      const rule = typeof e === "string" ? { path: e } : e;
      return { ...rule, segs: parseRulePath(rule.path) };
    });
    cache.set(type, rules);
  }
  return rules;
}

/** The rules a change at `segs` triggers (usually none or one). */
export function replacingRules(segs: readonly Seg[], ctx: ReplacementContext): CompiledRule[] {
  const path = schemaSegments(segs);
  return rulesFor(ctx.type).filter((rule) => {
    const below = startsWith(path, rule.segs);
    // A change above the rule's path (a whole object added or removed) matters only if it
    // changes the value at the rule's path.
    if (!below && !(startsWith(rule.segs, path) && !equalJson(valuesAt(ctx.oldInputs, rule.segs), valuesAt(ctx.newInputs, rule.segs)))) return false;
    return applies(rule, ctx);
  });
}

function applies(rule: CompiledRule, ctx: ReplacementContext): boolean {
  if (rule.mutableWithProviderFlag) {
    const flag = ctx.providerInputs?.[rule.mutableWithProviderFlag];
    const mutable = (flag === true || flag === "true") && ctx.newInputs.immutable !== true;
    if (mutable) return false;
  }
  const [before] = valuesAt(ctx.oldInputs, rule.segs);
  const [after] = valuesAt(ctx.newInputs, rule.segs);
  if (rule.when === "removed") return before !== undefined && after === undefined;
  if (rule.when === "changed-from-set") return before !== undefined && before !== "" && !equalJson(before, after);
  return true;
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
}

/** The values at a rule path (`*` expands over list items); empty when absent. */
function valuesAt(root: unknown, segs: readonly string[]): unknown[] {
  let current: unknown[] = [root];
  for (const s of segs) {
    const next: unknown[] = [];
    for (const v of current) {
      if (s === "*" && Array.isArray(v)) next.push(...v);
      else if (isPlainObject(v) && v[s] !== undefined) next.push(v[s]);
    }
    current = next;
  }
  return current;
}

function equalJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
