import { containersOf, POD_OWNERS } from "../../lib/k8s";
import type { ResourceRule, Violation } from "../../lib/rule";
import { optBool } from "../../lib/values";

export const rule: ResourceRule = {
  id: "SEC-005",
  slug: "no-privileged-containers",
  title: "Containers are not privileged and cannot escalate privileges",
  family: "security",
  severity: "critical",
  scope: "resource",
  resourceTypes: [...POD_OWNERS],
  rationale:
    "A privileged container is root on the node: it sees every device and can escape into the host and every other pod. " +
    "`allowPrivilegeEscalation: true` lets a process gain more privileges than its parent (setuid binaries).",
  remediation: "Remove `privileged: true` / `allowPrivilegeEscalation: true` from the container's securityContext.",
  check(r) {
    const out: Violation[] = [];
    for (const { container, name, path } of containersOf(r, { init: true })) {
      if (optBool(container, "securityContext.privileged", `${path}.securityContext.privileged`) === true) {
        out.push({ path: `${path}.securityContext.privileged`, message: `container ${name} is privileged` });
      }
      if (optBool(container, "securityContext.allowPrivilegeEscalation", `${path}.securityContext.allowPrivilegeEscalation`) === true) {
        out.push({ path: `${path}.securityContext.allowPrivilegeEscalation`, message: `container ${name} allows privilege escalation` });
      }
    }
    return out;
  },
};
