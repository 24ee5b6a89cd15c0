/**
 * Schema validation of manifests against the Kubernetes OpenAPI schemas shipped by
 * `kubernetes-models`: wrong types, missing required fields and invalid enum values are reported
 * together, each naming the object (`Deployment shop/web`), the field path and the offending
 * value. Kinds without a schema (custom resources) are skipped with the reason; a built-in kind
 * under an apiVersion Kubernetes does not serve is an error.
 *
 * Unknown fields (a misspelled optional field in a patch) are reported too, as
 * `kubectl apply --validate=strict` does: the schemas alone allow them (known-fields.ts).
 */
import { InputError, formatPath, quote, type Problem } from "../util/errors";
import { getAt } from "../util/plain";
import { compareStrings } from "../util/stable-json";
import { unknownFields } from "./known-fields";
import { originOf } from "./origin";
import { minorVersion, REMOVED_API_VERSIONS } from "./removed-apis";
import { apiGroup, describeManifest, type Manifest } from "./types";

interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

interface Model {
  new (data: unknown): { validate(): void };
  readonly apiVersion: string;
  readonly kind: string;
}

export interface SkippedValidation {
  /** `Kind namespace/name`. */
  readonly manifest: string;
  readonly reason: string;
}

export interface ValidationReport {
  readonly validated: number;
  readonly skipped: readonly SkippedValidation[];
}

let models: Map<string, Model> | undefined;

/** `<apiVersion>/<Kind>` → model, built once from every group and version kubernetes-models exports. */
export function modelTable(): ReadonlyMap<string, Model> {
  return allModels();
}

function allModels(): Map<string, Model> {
  if (models) return models;
  // Loaded on first use: the models of every group cost a few hundred milliseconds.
  const km = require("kubernetes-models") as Record<string, Record<string, unknown>>;
  models = new Map();
  const add = (cls: unknown) => {
    const m = cls as { apiVersion?: unknown; kind?: unknown } | undefined;
    if (typeof cls === "function" && typeof m?.apiVersion === "string" && typeof m.kind === "string") models!.set(`${m.apiVersion}/${m.kind}`, cls as unknown as Model);
  };
  // Named groups export versions (`apps.v1.Deployment`); the core group exports its kinds (`v1.Pod`).
  for (const group of Object.values(km)) {
    for (const member of Object.values(group)) {
      if (typeof member === "function") add(member);
      else if (member && typeof member === "object") Object.values(member).forEach(add);
    }
  }
  return models;
}

const SAFE_API_VERSION = /^([a-z0-9][a-z0-9.-]*\/)?v[0-9][a-z0-9]*$/;
const SAFE_KIND = /^[A-Z][A-Za-z0-9]*$/;
const byKind = new Map<string, Model | undefined>();

/**
 * The model of `<apiVersion>/<Kind>`, as `modelTable()` has it. Loaded from its own module
 * (`kubernetes-models/apps/v1/Deployment`: a few milliseconds) rather than from every group's
 * (half a second of every render); a kind without such a module (a custom resource) is looked
 * up in the whole table.
 */
function modelFor(apiVersion: string, kind: string): Model | undefined {
  const key = `${apiVersion}/${kind}`;
  if (byKind.has(key)) return byKind.get(key);
  let model: Model | undefined;
  if (!models && SAFE_API_VERSION.test(apiVersion) && SAFE_KIND.test(kind)) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cls = (require(`kubernetes-models/${apiVersion}/${kind}`) as Record<string, unknown>)[kind];
      const statics = cls as { apiVersion?: unknown; kind?: unknown } | undefined;
      if (typeof cls === "function" && statics?.apiVersion === apiVersion && statics.kind === kind) model = cls as unknown as Model;
    } catch {
      // Not a module of kubernetes-models: the whole table decides.
    }
  }
  model ??= modelTable().get(key);
  byKind.set(key, model);
  return model;
}

/** The built-in API groups (`""` for core) and the apiVersions that serve each kind. */
function servedVersions(kind: string, group: string): string[] {
  const out: string[] = [];
  for (const m of modelTable().values()) if (m.kind === kind && apiGroup(m.apiVersion) === group) out.push(m.apiVersion);
  return out.sort(compareStrings);
}

function isBuiltinGroup(group: string): boolean {
  for (const m of modelTable().values()) if (apiGroup(m.apiVersion) === group) return true;
  return false;
}

export interface ValidateOptions {
  /** The cluster's Kubernetes version (`1.34`): API versions it no longer serves are errors. */
  readonly kubernetesVersion?: string;
}

/** Validate every manifest; throws one InputError listing every problem. */
export function validateManifests(manifests: readonly Manifest[], opts: ValidateOptions = {}): ValidationReport {
  const problems: Problem[] = [];
  const skipped: SkippedValidation[] = [];
  const minor = opts.kubernetesVersion !== undefined ? minorVersion(opts.kubernetesVersion) : undefined;
  let validated = 0;
  for (const m of manifests) {
    const where = { ...(originOf(m) ? { file: originOf(m) } : {}) };
    const removed = REMOVED_API_VERSIONS[m.apiVersion];
    if (removed && minor !== undefined && minor >= removed.removedIn) {
      problems.push({ ...where, path: describeManifest(m), message: `apiVersion ${quote(m.apiVersion)} is not served since Kubernetes 1.${removed.removedIn} (the cluster runs ${opts.kubernetesVersion}); use ${removed.use}` });
      continue;
    }
    const Model = modelFor(m.apiVersion, m.kind);
    if (!Model) {
      const group = apiGroup(m.apiVersion);
      const served = isBuiltinGroup(group) ? servedVersions(m.kind, group) : [];
      if (served.length) {
        problems.push({ ...where, path: describeManifest(m), message: `apiVersion ${quote(m.apiVersion)} does not serve ${m.kind}; use ${served.map((v) => quote(v)).join(" or ")}` });
      } else {
        skipped.push({ manifest: describeManifest(m), reason: `no schema for ${m.apiVersion} ${m.kind} (a custom resource or an unknown kind)` });
      }
      continue;
    }
    validated++;
    try {
      new Model(m).validate();
    } catch (err) {
      const errors = (err as { errors?: SchemaError[] }).errors;
      if (!errors) throw err;
      problems.push(...schemaProblems(m, errors).map((p) => ({ ...where, ...p })));
    }
    for (const u of unknownFields(m)) {
      const field = u.path[u.path.length - 1]!;
      problems.push({
        ...where,
        path: `${describeManifest(m)}: ${formatPath(u.path)}`,
        message: `unknown field ${quote(field)}${u.suggestion !== undefined ? ` (did you mean ${quote(u.suggestion)}?)` : ""}`,
      });
    }
  }
  if (problems.length) {
    throw new InputError(problems, problems.length > 1 ? `${problems.length} problems in the Kubernetes manifests:` : undefined);
  }
  return { validated, skipped };
}

const A_TYPE: Record<string, string> = {
  array: "a list",
  boolean: "a boolean",
  integer: "an integer",
  number: "a number",
  object: "an object",
  string: "a string",
};

/** Schema errors of one manifest → problems, one per field (alternatives of a oneOf merged). */
export function schemaProblems(m: Manifest, errors: readonly SchemaError[]): Omit<Problem, "file">[] {
  const byPath = new Map<string, SchemaError[]>();
  for (const e of errors) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  const out: Omit<Problem, "file">[] = [];
  for (const [pointer, errs] of byPath) {
    const segments = pointerSegments(m, pointer);
    const field = formatPath(segments);
    const path = field ? `${describeManifest(m)}: ${field}` : describeManifest(m);
    const got = isSecretValue(m, segments) ? "got a value not shown (Secret data)" : `got ${quote(getAt(m, segments))}`;
    for (const e of errs.filter((x) => x.keyword === "required")) {
      out.push({ path, message: `missing required field ${quote(e.params.missingProperty)}` });
    }
    const rest = errs.filter((x) => x.keyword !== "required");
    if (!rest.length) continue;
    const types = rest.filter((x) => x.keyword === "type").map((x) => A_TYPE[String(x.params.type)] ?? String(x.params.type));
    const formats = rest.filter((x) => x.keyword === "format").map((x) => String(x.params.format));
    const enums = rest.find((x) => x.keyword === "enum");
    if (formats.includes("quantity")) out.push({ path, message: `expected a Kubernetes quantity such as 250m, 1 or 512Mi, ${got}` });
    else if (enums) out.push({ path, message: `expected one of ${(enums.params.allowedValues as unknown[]).map((v) => quote(v)).join(", ")}, ${got}` });
    else if (types.length) out.push({ path, message: `expected ${[...new Set(types)].join(" or ")}, ${got}` });
    else out.push({ path, message: `${rest[0]!.message ?? rest[0]!.keyword}, ${got}` });
  }
  return out;
}

/** A Secret's `data`/`stringData` values are never quoted: messages end up in CI logs. */
function isSecretValue(m: Manifest, path: readonly (string | number)[]): boolean {
  return m.kind === "Secret" && (path[0] === "data" || path[0] === "stringData");
}

/** JSON pointer → path segments, list indices as numbers. */
function pointerSegments(root: unknown, pointer: string): (string | number)[] {
  if (pointer === "") return [];
  const out: (string | number)[] = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const key = Array.isArray(cur) && /^\d+$/.test(seg) ? Number(seg) : seg;
    out.push(key);
    cur = cur !== null && typeof cur === "object" ? (cur as Record<string | number, unknown>)[key] : undefined;
  }
  return out;
}
