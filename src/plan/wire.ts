/**
 * Property values as the Pulumi SDK sends them to the engine ("wire form"), turned into plain
 * plan data: secrets become `[secret]`, values unknown before apply become `[unknown]`, resource
 * references become the referenced URN.
 */
import { SECRET, UNKNOWN } from "./types";

// Wire-format signatures of @pulumi/pulumi (runtime/rpc.js). Stable across SDK versions: the
// engine protocol depends on them.
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";

export interface NormalizeOptions {
  /** Keep secret values in clear (only for `--reveal-secrets` manifests; never for plan.json). */
  readonly revealSecrets?: boolean;
  /**
   * Mask only the leaves of a secret value, keeping its keys and list lengths: a Kubernetes
   * Secret's `stringData` stays a map of `[secret]` strings, so a masked manifest keeps its shape.
   */
  readonly maskLeaves?: boolean;
  /** Called with every secret's path and its value in clear, e.g. to fingerprint it. */
  readonly onSecret?: (path: string, value: unknown) => void;
}

/**
 * Normalize a wire value. Paths of secret values are pushed to `secretPaths` (dotted, `[n]` for
 * list items) so outputs can keep masking them.
 */
export function normalizeWire(value: unknown, secretPaths: string[] = [], path = "", opts: NormalizeOptions = {}): unknown {
  if (value === UNKNOWN_SENTINEL) return UNKNOWN;
  if (Array.isArray(value)) return value.map((v, i) => normalizeWire(v, secretPaths, `${path}[${i}]`, opts));
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  const sig = obj[SIG_KEY];
  if (sig === SECRET_SIG) return secret(obj.value, secretPaths, path, opts);
  if (sig === RESOURCE_SIG) return typeof obj.urn === "string" ? obj.urn : UNKNOWN;
  if (sig === OUTPUT_VALUE_SIG) {
    if (obj.secret === true) {
      if ("value" in obj) return secret(obj.value, secretPaths, path, opts);
      secretPaths.push(path);
      return SECRET;
    }
    return "value" in obj ? normalizeWire(obj.value, secretPaths, path, opts) : UNKNOWN;
  }
  if (sig === ASSET_SIG || sig === ARCHIVE_SIG) return { asset: obj.path ?? obj.uri ?? (obj.text !== undefined ? "[inline]" : "[archive]") };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = normalizeWire(v, secretPaths, path ? `${path}.${k}` : k, opts);
  return out;
}

function secret(inner: unknown, secretPaths: string[], path: string, opts: NormalizeOptions): unknown {
  secretPaths.push(path);
  if (!opts.revealSecrets && !opts.onSecret && !opts.maskLeaves) return SECRET;
  // Secrets nested in a secret are part of it: one path, one fingerprint.
  const clear = normalizeWire(inner, [], path, { revealSecrets: true });
  opts.onSecret?.(path, clear);
  if (opts.revealSecrets) return clear;
  return opts.maskLeaves ? maskLeaves(clear) : SECRET;
}

function maskLeaves(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskLeaves);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskLeaves(v)]));
  }
  return SECRET;
}
