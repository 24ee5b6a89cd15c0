/** `$patch` directives in strategic merge patches (kyaml's determineSmpDirective). */
import { InputError } from "../../util/errors";
import { isObj } from "../kobject";

export type Directive = "merge" | "replace" | "delete";
const KEY = "$patch";

/** Read and remove the directive of a patch map. */
export function mapDirective(patch: Record<string, unknown>): Directive {
  if (!(KEY in patch)) return "merge";
  const v = patch[KEY];
  const d = check(v);
  delete patch[KEY];
  return d;
}

/**
 * The directive of a patch list: an element that is exactly `{$patch: …}`. It is removed from
 * the list (in place) when recognised.
 */
export function listDirective(patch: unknown[]): Directive {
  const el = patch.find((e) => isObj(e) && KEY in e);
  if (!isObj(el) || Object.keys(el).length > 1) return "merge";
  const d = check(el[KEY]);
  for (let i = patch.length - 1; i >= 0; i--) {
    const e = patch[i];
    if (isObj(e) && e[KEY] === d) patch.splice(i, 1);
  }
  return d;
}

function check(v: unknown): Directive {
  if (v === "merge" || v === "replace" || v === "delete") return v;
  throw new InputError({ message: `unknown patch strategy '${String(v)}' (expected $patch: merge, replace or delete)` });
}
