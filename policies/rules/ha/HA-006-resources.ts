import { containersOf, POD_OWNERS } from "../../lib/k8s";
import type { ResourceRule, Violation } from "../../lib/rule";
import { optional, quote } from "../../lib/values";

const REQUIRED = [
  ["requests", "cpu"],
  ["requests", "memory"],
  ["limits", "memory"],
] as const;

export const rule: ResourceRule = {
  id: "HA-006",
  slug: "resources",
  title: "Containers request CPU and memory and limit memory",
  family: "ha-k8s",
  severity: "medium",
  scope: "resource",
  resourceTypes: [...POD_OWNERS],
  rationale:
    "Without requests the scheduler packs pods blindly and the capacity check (AZ-006) cannot be trusted; without a memory " +
    "limit one leaking container takes its neighbours down with the node (OOM at node level instead of container level). " +
    "A CPU limit is not required: it only throttles. Init containers count, as they are scheduled with the pod.",
  remediation: "Set `services.<name>.resources.requests.cpu`, `.requests.memory` and `.limits.memory` in the values file.",
  check(r) {
    const out: Violation[] = [];
    for (const { container, name, path, init } of containersOf(r, { init: true })) {
      for (const [section, res] of REQUIRED) {
        const p = `${path}.resources.${section}.${res}`;
        const v = optional(container, `resources.${section}.${res}`, p);
        if (v === undefined || v === null || v === "" || v === 0 || v === "0") {
          out.push({ path: p, message: `${init ? "init container" : "container"} ${name} has no ${section === "requests" ? "request" : "limit"} for ${res}${v === undefined ? "" : ` (${quote(v)})`}` });
        }
      }
    }
    return out;
  },
};
