/**
 * Label conventions of every generated manifest. Selectors use only `app.kubernetes.io/name`:
 * it never changes over a service's life, so Deployment selectors (immutable) never need a
 * replacement, and PDBs, Services, NetworkPolicies and spread constraints all select the same pods.
 */
import type { ResolvedService } from "../../src/spec/schema";
import type { WorkloadContext } from "./context";

export const NAME_LABEL = "app.kubernetes.io/name";
export const PART_OF_LABEL = "app.kubernetes.io/part-of";
export const VERSION_LABEL = "app.kubernetes.io/version";
export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
/** Read by the policy pack: which HA rules apply (critical, standard, best-effort). */
export const CRITICALITY_LABEL = "stackplan.dev/criticality";
/** Node label the node groups carry; pods of a service with `nodeGroup` select on it. */
export const NODE_GROUP_LABEL = "stackplan.dev/node-group";
/** Set by Kubernetes on every Namespace (≥ 1.22): what namespaceSelectors match on. */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** The labels that select a service's pods. */
export function selectorLabels(name: string): Record<string, string> {
  return { [NAME_LABEL]: name };
}

/** Labels of platform-wide objects (namespaces, namespace policies). */
export function platformLabels(ctx: WorkloadContext): Record<string, string> {
  return { [PART_OF_LABEL]: ctx.platform, [MANAGED_BY_LABEL]: "pulumi" };
}

/**
 * Labels of every object of a service. The version is the image tag when it is a valid label
 * value (≤ 63 characters, alphanumeric at both ends); a digest-only image has no version label.
 */
export function serviceLabels(name: string, svc: ResolvedService, ctx: WorkloadContext): Record<string, string> {
  const tag = svc.image.tag;
  return {
    ...selectorLabels(name),
    ...platformLabels(ctx),
    ...(tag !== undefined && tag.length <= 63 && LABEL_VALUE.test(tag) ? { [VERSION_LABEL]: tag } : {}),
    [CRITICALITY_LABEL]: svc.criticality,
  };
}

/** Standard metadata of a namespaced object of a service. */
export function serviceMetadata(name: string, svc: ResolvedService, ctx: WorkloadContext, objectName: string = name) {
  return { name: objectName, namespace: svc.namespace, labels: serviceLabels(name, svc, ctx) };
}
