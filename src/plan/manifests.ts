/**
 * Kubernetes manifests from a plan: the inputs of every `kubernetes:*` custom resource, minus
 * what only Pulumi reads, as objects a GitOps tool (Argo CD, Flux, `kubectl apply -k`) applies
 * exactly where Pulumi would. One object per file, named `<kind>-<namespace>-<name>.yaml`
 * (lowercase kind) or `<kind>-<name>.yaml` for cluster-scoped kinds.
 */
import { InputError } from "../util/errors";
import { isPlainObject } from "../util/plain";
import { compareStrings } from "../util/stable-json";
import { isKubernetesResource, UNKNOWN, type Plan, type PlanResource } from "./types";

export interface Manifest {
  /** File name inside `manifests/`. */
  readonly file: string;
  /** URN of the Pulumi resource the object comes from. */
  readonly urn: string;
  readonly apiVersion: string;
  readonly kind: string;
  /** Empty for cluster-scoped kinds. */
  readonly namespace: string;
  readonly name: string;
  readonly object: Record<string, unknown>;
}

export interface ManifestSet {
  /** Sorted by file name. */
  readonly manifests: readonly Manifest[];
  /** What a reader of the manifests should know (skipped resources, values known after apply). */
  readonly warnings: readonly string[];
}

/** Kinds that live outside namespaces (built-in APIs and the common add-ons'). */
const CLUSTER_SCOPED = new Set([
  "APIService", "CertificateSigningRequest", "ClusterIssuer", "ClusterRole", "ClusterRoleBinding", "ComponentStatus",
  "CSIDriver", "CSINode", "CustomResourceDefinition", "EC2NodeClass", "FlowSchema", "IngressClass",
  "MutatingWebhookConfiguration", "Namespace", "Node", "NodeClaim", "NodePool", "PersistentVolume", "PriorityClass",
  "PriorityLevelConfiguration", "RuntimeClass", "StorageClass", "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding", "ValidatingWebhookConfiguration", "VolumeAttachment", "VolumeSnapshotClass",
]);

/** Annotations only the Pulumi Kubernetes provider reads (`pulumi.com/skipAwait`, `…/patchForce`, …). */
const PULUMI_ANNOTATION = /^pulumi\.com\//;

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/**
 * Build the manifests of a plan. `inputsOf` gives a resource's inputs as they should appear in
 * the manifest (the plan's masked inputs by default; the worker passes leaf-masked or revealed
 * ones). Two resources rendering the same object are an error: a cluster would see both fight.
 */
export function buildManifests(plan: Plan, inputsOf: (r: PlanResource) => Record<string, unknown> = (r) => r.inputs as Record<string, unknown>): ManifestSet {
  const warnings: string[] = [];
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const drafts: Omit<Manifest, "file">[] = [];
  for (const r of plan.resources) {
    if (!isKubernetesResource(r)) continue;
    const skip = skipReason(r);
    if (skip) {
      warnings.push(`${r.type} "${r.name}": not in manifests/ (${skip})`);
      continue;
    }
    const draft = toManifest(r, withOwnMetadata(inputsOf(r)), byUrn.get(r.provider ?? ""), warnings);
    if (draft) drafts.push(draft);
  }
  const manifests = nameFiles(drafts);
  const unknown = manifests.filter((m) => containsUnknown(m.object));
  if (unknown.length > 0) {
    const list = unknown.slice(0, 5).map((m) => m.file).join(", ");
    warnings.push(
      `${unknown.length} manifest${unknown.length > 1 ? "s hold" : " holds"} values known only after apply (${UNKNOWN}): ${list}${unknown.length > 5 ? ", …" : ""}`,
    );
  }
  return { manifests, warnings };
}

/**
 * A copy of the object as deep as toManifest changes it (the top level and `metadata`); the rest
 * is shared with the plan's inputs, which nothing changes afterwards. A deep copy of every
 * manifest was a tenth of building them.
 */
function withOwnMetadata(inputs: Record<string, unknown>): Record<string, unknown> {
  const object = { ...inputs };
  if (isPlainObject(object.metadata)) object.metadata = { ...object.metadata };
  return object;
}

function skipReason(r: PlanResource): string | undefined {
  if (r.type.startsWith("kubernetes:helm.sh/")) return "a Helm release is installed by the provider, not a manifest";
  if (r.type.endsWith("Patch")) return "a server-side apply patch of an object managed elsewhere";
  return undefined;
}

function toManifest(r: PlanResource, object: Record<string, unknown>, provider: PlanResource | undefined, warnings: string[]): Omit<Manifest, "file"> | undefined {
  const apiVersion = object.apiVersion;
  const kind = object.kind;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    warnings.push(`${r.type} "${r.name}": not in manifests/ (no apiVersion/kind in its inputs)`);
    return undefined;
  }
  const metadata = isPlainObject(object.metadata) ? object.metadata : {};
  object.metadata = metadata;
  if (isPlainObject(metadata.annotations)) {
    const kept = Object.entries(metadata.annotations).filter(([k]) => !PULUMI_ANNOTATION.test(k));
    if (kept.length > 0) metadata.annotations = Object.fromEntries(kept);
    else delete metadata.annotations;
  }
  if (typeof metadata.name !== "string" || metadata.name === "") {
    // Pulumi would auto-name it `<logical name>-<random suffix>`: a GitOps tool needs a fixed name.
    metadata.name = r.name;
    warnings.push(`${kind} "${r.name}": no metadata.name (Pulumi auto-names it with a random suffix); the manifest uses the logical name`);
  }
  let namespace = "";
  if (isClusterScoped(kind)) {
    delete metadata.namespace;
  } else {
    // Where the Pulumi provider would create it: the object's namespace, else the provider's
    // default namespace, else "default". Made explicit so the GitOps tool agrees.
    const fromProvider = provider?.inputs.namespace;
    namespace = typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : typeof fromProvider === "string" && fromProvider !== "" ? fromProvider : "default";
    metadata.namespace = namespace;
  }
  return { urn: r.urn, apiVersion, kind, namespace, name: String(metadata.name), object };
}

function baseFileName(m: Omit<Manifest, "file">): string {
  const kind = m.kind.toLowerCase();
  return m.namespace ? `${kind}-${m.namespace}-${m.name}.yaml` : `${kind}-${m.name}.yaml`;
}

/** `<kind>[.<group>]_<namespace>_<name>.yaml`: `_` appears in no Kubernetes name, so it cannot collide. */
function unambiguousFileName(m: Omit<Manifest, "file">): string {
  const group = m.apiVersion.includes("/") ? `.${m.apiVersion.split("/")[0]}` : "";
  return [`${m.kind.toLowerCase()}${group}`, ...(m.namespace ? [m.namespace] : []), `${m.name}.yaml`].join("_");
}

function nameFiles(drafts: readonly Omit<Manifest, "file">[]): Manifest[] {
  const byBase = new Map<string, Omit<Manifest, "file">[]>();
  for (const d of drafts) {
    const base = baseFileName(d);
    byBase.set(base, [...(byBase.get(base) ?? []), d]);
  }
  const out: Manifest[] = [];
  for (const [base, group] of byBase) {
    if (group.length === 1) {
      out.push({ ...group[0]!, file: base });
      continue;
    }
    // Same base name: either one object rendered twice (an error) or names that only collide
    // once joined with dashes (`a-b` + `c` vs `a` + `b-c`), which the unambiguous form separates.
    const seen = new Map<string, string>();
    for (const d of group) {
      const file = unambiguousFileName(d);
      const clash = seen.get(file);
      if (clash) {
        const where = d.namespace ? `${d.kind} ${d.namespace}/${d.name}` : `${d.kind} ${d.name}`;
        throw new InputError({ message: `two resources render the same Kubernetes object ${where} (${d.apiVersion}): ${clash} and ${d.urn}` });
      }
      seen.set(file, d.urn);
      out.push({ ...d, file });
    }
  }
  return out.sort((a, b) => compareStrings(a.file, b.file));
}

function containsUnknown(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (isPlainObject(v)) return Object.values(v).some(containsUnknown);
  return false;
}
