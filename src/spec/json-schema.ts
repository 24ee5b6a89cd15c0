/**
 * JSON Schema of a values layer, for editors (yaml-language-server: `# yaml-language-server:
 * $schema=…`). A layer is partial — any key may be left to the layers below or set to null to
 * delete it — so every property is optional and nullable; unknown keys stay errors, which is
 * what catches typos while typing.
 */
import { z } from "zod";
import { sortKeysDeep } from "../util/stable-json";
import { environmentSpecShape } from "./schema";

type JsonSchema = Record<string, unknown>;

export function valuesLayerJsonSchema(): JsonSchema {
  const full = z.toJSONSchema(environmentSpecShape, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const layer = relax(full) as JsonSchema;
  const props = (layer.properties ?? {}) as Record<string, unknown>;
  layer.properties = {
    extends: { type: "string", description: "The layer (folder under overlays/) this one extends; base when absent." },
    ...props,
  };
  layer.title = "stackplan values layer";
  layer.$schema = "https://json-schema.org/draft/2020-12/schema";
  return sortKeysDeep(layer);
}

/** Drop `required` everywhere and let every property be null (null deletes a key). */
function relax(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relax);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === "required") continue;
    if (k === "properties" && v && typeof v === "object") {
      out[k] = Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([p, s]) => [p, { anyOf: [relax(s), { type: "null" }] }]));
    } else if (k === "additionalProperties" && v && typeof v === "object") {
      out[k] = { anyOf: [relax(v), { type: "null" }] };
    } else {
      out[k] = relax(v);
    }
  }
  return out;
}
