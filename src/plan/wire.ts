/**
 * Property values as the Pulumi SDK sends them to the engine ("wire form"), turned into plain
 * plan data: secrets become `[secret]`, values unknown before apply become `[unknown]`, resource
 * references become the referenced URN.
 */
import { compareStrings } from "../util/stable-json";
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
  /** Rewrite every URN string (resource references included), e.g. to the engine's URNs. */
  readonly mapUrn?: (urn: string) => string;
}

/**
 * Normalize a wire value: plain data with object keys sorted (code points) and undefined members
 * dropped, as `sortKeysDeep` leaves them. Paths of secret values are pushed to `secretPaths`
 * (dotted, `[n]` for list items) so outputs can keep masking them.
 *
 * One pass that copies once: it runs over every input of every resource of a render, where
 * normalizing, mapping URNs and sorting keys one after another made three copies.
 */
export function normalizeWire(value: unknown, secretPaths: string[] = [], path = "", opts: NormalizeOptions = {}): unknown {
  return new Normalizer(secretPaths, path, opts).walk(value);
}

class Normalizer {
  /** The path below the starting one, kept as segments: a path string is made only for a secret. */
  private readonly segments: (string | number)[] = [];

  constructor(
    private readonly secretPaths: string[],
    private readonly start: string,
    private readonly opts: NormalizeOptions,
  ) {}

  walk(value: unknown): unknown {
    if (typeof value === "string") {
      if (value === UNKNOWN_SENTINEL) return UNKNOWN;
      return this.opts.mapUrn && value.startsWith("urn:pulumi:") ? this.opts.mapUrn(value) : value;
    }
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) {
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        this.segments.push(i);
        out[i] = this.walk(value[i]);
        this.segments.pop();
      }
      return out;
    }
    const obj = value as Record<string, unknown>;
    const sig = obj[SIG_KEY];
    if (sig !== undefined) {
      if (sig === SECRET_SIG) return this.secret(obj.value);
      if (sig === RESOURCE_SIG) return typeof obj.urn === "string" ? this.walk(obj.urn) : UNKNOWN;
      if (sig === OUTPUT_VALUE_SIG) {
        if (obj.secret === true) {
          if ("value" in obj) return this.secret(obj.value);
          this.secretPaths.push(this.path());
          return SECRET;
        }
        return "value" in obj ? this.walk(obj.value) : UNKNOWN;
      }
      if (sig === ASSET_SIG || sig === ARCHIVE_SIG) return { asset: obj.path ?? obj.uri ?? (obj.text !== undefined ? "[inline]" : "[archive]") };
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(obj).sort(compareStrings)) {
      const v = obj[k];
      if (v === undefined) continue;
      this.segments.push(k);
      const n = this.walk(v);
      this.segments.pop();
      if (n !== undefined) out[k] = n;
    }
    return out;
  }

  private secret(inner: unknown): unknown {
    const path = this.path();
    this.secretPaths.push(path);
    const { revealSecrets, maskLeaves, onSecret, mapUrn } = this.opts;
    if (!revealSecrets && !onSecret && !maskLeaves) return SECRET;
    // Secrets nested in a secret are part of it: one path, one fingerprint (of the value as the
    // program gave it, before URNs are mapped).
    const clear = normalizeWire(inner, [], path, { revealSecrets: true });
    onSecret?.(path, clear);
    if (revealSecrets) return mapUrn ? normalizeWire(inner, [], path, { revealSecrets: true, mapUrn }) : clear;
    return maskLeaves ? maskLeavesOf(clear) : SECRET;
  }

  private path(): string {
    let p = this.start;
    for (const s of this.segments) p = typeof s === "number" ? `${p}[${s}]` : p ? `${p}.${s}` : s;
    return p;
  }
}

function maskLeavesOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskLeavesOf);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskLeavesOf(v)]));
  }
  return SECRET;
}
