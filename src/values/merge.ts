/**
 * Helm's values merge: maps deep-merge, every other value (lists, scalars) replaces, and a
 * `null` in the overlay deletes the key. Layers are folded left to right, as `helm -f a -f b`.
 */
import { isPlainObject, setKey } from "../util/plain";

export type Values = Record<string, unknown>;

export function mergeValues(base: Values, overlay: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(base)) setKey(out, k, v);
  for (const [k, v] of Object.entries(overlay)) {
    if (v === null) {
      delete out[k];
    } else if (isPlainObject(v) && Object.hasOwn(out, k) && isPlainObject(out[k])) {
      setKey(out, k, mergeValues(out[k] as Values, v));
    } else {
      setKey(out, k, stripNulls(v));
    }
  }
  return out;
}

/** Fold layers in order: the last layer wins. */
export function mergeLayers(layers: readonly Values[]): Values {
  return layers.reduce<Values>((acc, layer) => mergeValues(acc, layer), {});
}

/** A null inside a new subtree has nothing to delete; drop it so the result is null-free. */
function stripNulls(v: unknown): unknown {
  if (!isPlainObject(v)) return v;
  const out: Values = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) setKey(out, k, stripNulls(x));
  return out;
}
