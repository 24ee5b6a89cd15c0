/**
 * `namespace`: set metadata.namespace on every namespaced kind and every kind the schema does not
 * know (CRs); rename Namespace objects; APIService and CRD webhook service namespaces; RoleBinding
 * subjects named `default`.
 */
import { InputError } from "../../util/errors";
import { isClusterScoped } from "../gvk";
import { isObj, metadataOf } from "../kobject";
import { describeId, idKey } from "../resid";
import type { Context } from "./context";

export function namespace(ctx: Context): void {
  const ns = ctx.kust.k.namespace;
  if (!ns) return;
  for (const res of ctx.resmap.list) {
    if (Object.keys(res.obj).length === 0) continue;
    res.storePreviousId();
    const id = res.curId();
    const obj = res.obj;
    if (!isClusterScoped(id)) metadataOf(obj, true).namespace = ns;
    if (obj.kind === "Namespace" && obj.apiVersion === "v1") metadataOf(obj, true).name = ns;
    if (obj.kind === "APIService" && id.group === "apiregistration.k8s.io") {
      const spec = (isObj(obj.spec) ? obj.spec : (obj.spec = {})) as Record<string, unknown>;
      const svc = (isObj(spec.service) ? spec.service : (spec.service = {})) as Record<string, unknown>;
      svc.namespace = ns;
    }
    if (obj.kind === "CustomResourceDefinition" && id.group === "apiextensions.k8s.io") {
      const svc = dig(obj, ["spec", "conversion", "webhook", "clientConfig", "service"]);
      if (isObj(svc) && "namespace" in svc) svc.namespace = ns;
    }
    if ((obj.kind === "RoleBinding" || obj.kind === "ClusterRoleBinding") && Array.isArray(obj.subjects)) {
      for (const s of obj.subjects) if (isObj(s) && s.name === "default") s.namespace = ns;
    }
  }
  const seen = new Map<string, string>();
  for (const res of ctx.resmap.list) {
    const k = idKey(res.curId());
    if (seen.has(k)) {
      throw new InputError({ ...ctx.kust.at(["namespace"]), message: `namespace transformation produces ID conflict: two resources become ${describeId(res.curId())}` });
    }
    seen.set(k, res.source);
  }
}

function dig(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const p of path) {
    if (!isObj(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}
