/**
 * The strategic-merge facts kustomize takes from its embedded Kubernetes 1.21.2 OpenAPI: which
 * lists merge by key (and by which keys), per kind. Lists not named here are replaced wholesale;
 * kinds the schema does not know (CRDs, newer API versions) have no merge keys at all.
 */
import { isKnownKind } from "../gvk";
import type { Gvk } from "../resid";

export interface SchemaNode {
  readonly fields?: Readonly<Record<string, SchemaNode>>;
  /** Set on lists with patch strategy merge: the keys (empty for a list of scalars). */
  readonly mergeKeys?: readonly string[];
  /** Schema of list elements. */
  readonly items?: SchemaNode;
}

const list = (keys: string[], items?: SchemaNode): SchemaNode => ({ mergeKeys: keys, ...(items ? { items } : {}) });
const conditions: SchemaNode = { fields: { conditions: list(["type"]) } };

const objectMeta: SchemaNode = { fields: { ownerReferences: list(["uid"]), finalizers: list([]) } };
const container: SchemaNode = {
  fields: { env: list(["name"]), ports: list(["containerPort", "protocol"]), volumeMounts: list(["mountPath"]), volumeDevices: list(["devicePath"]) },
};
const ephemeralContainer: SchemaNode = { fields: { env: list(["name"]), volumeMounts: list(["mountPath"]), volumeDevices: list(["devicePath"]) } };
const podSpec: SchemaNode = {
  fields: {
    containers: list(["name"], container),
    initContainers: list(["name"], container),
    ephemeralContainers: list(["name"], ephemeralContainer),
    volumes: list(["name"]),
    imagePullSecrets: list(["name"]),
    hostAliases: list(["ip"]),
    topologySpreadConstraints: list(["topologyKey", "whenUnsatisfiable"]),
  },
};
const podTemplateSpec: SchemaNode = { fields: { metadata: objectMeta, spec: podSpec } };
const pvc: SchemaNode = { fields: { metadata: objectMeta, status: conditions } };

function workload(extraSpec: Record<string, SchemaNode> = {}): SchemaNode {
  return { fields: { metadata: objectMeta, spec: { fields: { template: podTemplateSpec, ...extraSpec } }, status: conditions } };
}

const BY_KIND: Record<string, SchemaNode> = {
  Deployment: workload(),
  ReplicaSet: workload(),
  DaemonSet: workload(),
  ReplicationController: workload(),
  Job: workload(),
  StatefulSet: workload({ volumeClaimTemplates: { items: pvc } }),
  CronJob: {
    fields: {
      metadata: objectMeta,
      spec: { fields: { jobTemplate: { fields: { metadata: objectMeta, spec: { fields: { template: podTemplateSpec } } } } } },
    },
  },
  Pod: { fields: { metadata: objectMeta, spec: podSpec, status: { fields: { conditions: list(["type"]), podIPs: list(["ip"]) } } } },
  PodTemplate: { fields: { metadata: objectMeta, template: podTemplateSpec } },
  Service: { fields: { metadata: objectMeta, spec: { fields: { ports: list(["port", "protocol"]) } } } },
  ServiceAccount: { fields: { metadata: objectMeta, secrets: list(["name"]) } },
  MutatingWebhookConfiguration: { fields: { metadata: objectMeta, webhooks: list(["name"]) } },
  ValidatingWebhookConfiguration: { fields: { metadata: objectMeta, webhooks: list(["name"]) } },
  PersistentVolumeClaim: pvc,
  Namespace: { fields: { metadata: objectMeta, status: conditions } },
  Node: { fields: { metadata: objectMeta, status: { fields: { conditions: list(["type"]), addresses: list(["type"]) } } } },
  PodDisruptionBudget: { fields: { metadata: objectMeta, status: conditions } },
};

const DEFAULT: SchemaNode = { fields: { metadata: objectMeta } };

/** The schema of a resource type, or undefined when kustomize's embedded schema lacks it. */
export function schemaFor(gvk: Gvk): SchemaNode | undefined {
  if (!isKnownKind(gvk)) return undefined;
  return BY_KIND[gvk.kind] ?? DEFAULT;
}
