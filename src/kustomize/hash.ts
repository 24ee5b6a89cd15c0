/**
 * The content hash kustomize appends to generated names: sha256 of a Go-style JSON encoding of
 * the data, first 10 hex digits with 0,1,3,a,e mapped to g,h,k,m,t (so the suffix never reads as
 * a number). The name is always "" in the hashed JSON.
 */
import { createHash } from "node:crypto";
import { isObj, type KObject } from "./kobject";

export function hashSuffix(obj: KObject): string {
  let m: Record<string, unknown>;
  if (obj.kind === "ConfigMap") {
    m = { data: field(obj.data), kind: "ConfigMap", name: "" };
    if (isObj(obj.binaryData)) m.binaryData = obj.binaryData;
  } else if (obj.kind === "Secret") {
    m = { data: field(obj.data), kind: "Secret", name: "", type: obj.type === undefined ? "" : obj.type };
    if (isObj(obj.stringData)) m.stringData = obj.stringData;
  } else {
    m = obj;
  }
  const hex = createHash("sha256").update(goJson(m)).digest("hex");
  return encode(hex);
}

function field(v: unknown): unknown {
  return v === undefined || v === null ? "" : isObj(v) ? v : String(v);
}

export function encode(hex: string): string {
  const map: Record<string, string> = { "0": "g", "1": "h", "3": "k", a: "m", e: "t" };
  return [...hex.slice(0, 10)].map((c) => map[c] ?? c).join("");
}

/** encoding/json.Marshal: sorted keys, HTML-safe escaping, no spaces. */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goString(v);
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return `[${v.map(goJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
  return `{${keys.map((k) => `${goString(k)}:${goJson(o[k])}`).join(",")}}`;
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** encoding/json formats floats like JavaScript: exponents below 1e-6 and from 1e21. */
function goNumber(n: number): string {
  return String(n);
}
