/** `replicas`: set spec.replicas of the Deployments, ReplicaSets, StatefulSets and RCs named (by any id). */
import { InputError } from "../../util/errors";
import { REPLICAS } from "../builtin-fieldspecs";
import { visitFieldSpec } from "../fieldspec";
import type { Context } from "./context";

export function replicas(ctx: Context): void {
  (ctx.kust.k.replicas ?? []).forEach((r, i) => {
    let found = false;
    for (const fs of REPLICAS) {
      for (const res of ctx.resmap.list) {
        if (!res.allIds().some((id) => id.name === r.name && (!fs.kind || id.kind === fs.kind))) continue;
        found = true;
        visitFieldSpec(res.obj, fs, (holder, key) => {
          (holder as Record<string, unknown>)[key as string] = r.count;
        });
      }
    }
    if (!found) {
      throw new InputError({
        ...ctx.kust.at(["replicas", i, "name"]),
        message: `resource with name ${r.name} does not match a config with the following GVK [${REPLICAS.map((f) => `${f.kind}.[noVer].[noGrp]`).join(" ")}]`,
      });
    }
  });
}
