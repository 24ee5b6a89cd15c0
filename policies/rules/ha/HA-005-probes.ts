import { containersOf, POD_OWNERS } from "../../lib/k8s";
import { failureWindow, probeHandler } from "../../lib/probes";
import type { ResourceRule, Violation } from "../../lib/rule";
import { optObject } from "../../lib/values";

export const rule: ResourceRule = {
  id: "HA-005",
  slug: "probes",
  title: "Containers have readiness and liveness probes that differ",
  family: "ha-k8s",
  severity: "high",
  scope: "resource",
  resourceTypes: [...POD_OWNERS],
  rationale:
    "Without readiness, traffic reaches pods that cannot serve; without liveness, a hung process is never restarted. When " +
    "both probes run the same check (same handler after resolving named ports and defaults) a slow dependency makes the " +
    "kubelet restart every pod while it is also taking them out of rotation. Differing thresholds alone do not make the " +
    "probes different (kube-score's common false-positive complaint), but they make the pair safe when the liveness " +
    "probe gives up strictly later than readiness (initialDelay + period × failureThreshold): the Kubernetes docs' " +
    "'same endpoint, higher failureThreshold' pattern passes; equal or stricter liveness timing on the same check fails.",
  remediation:
    "Give each service `probes.readiness` and `probes.liveness` in the values file, on different endpoints (e.g. /ready " +
    "and /healthz), or on the same one with a liveness failureThreshold × periodSeconds larger than readiness's.",
  check(r) {
    const out: Violation[] = [];
    for (const { container, name, path } of containersOf(r, { init: false })) {
      const readiness = optObject(container, "readinessProbe", `${path}.readinessProbe`);
      const liveness = optObject(container, "livenessProbe", `${path}.livenessProbe`);
      if (!readiness) out.push({ path: `${path}.readinessProbe`, message: `container ${name} has no readiness probe` });
      if (!liveness) out.push({ path: `${path}.livenessProbe`, message: `container ${name} has no liveness probe` });
      if (!readiness || !liveness) continue;
      if (probeHandler(readiness, container, `${path}.readinessProbe`) !== probeHandler(liveness, container, `${path}.livenessProbe`)) continue;
      const rw = failureWindow(readiness, `${path}.readinessProbe`);
      const lw = failureWindow(liveness, `${path}.livenessProbe`);
      if (lw > rw) continue;
      out.push({
        path: `${path}.livenessProbe`,
        message: `container ${name}: liveness and readiness run the same check and liveness gives up after ${lw}s, not later than readiness (${rw}s); use a different endpoint or a longer liveness window`,
      });
    }
    return out;
  },
};
