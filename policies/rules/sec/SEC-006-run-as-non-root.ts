import { containersOf, podTemplate, POD_OWNERS } from "../../lib/k8s";
import type { ResourceRule, Violation } from "../../lib/rule";
import { optBool, optNumber } from "../../lib/values";

export const rule: ResourceRule = {
  id: "SEC-006",
  slug: "run-as-non-root",
  title: "Containers run as a non-root user",
  family: "security",
  severity: "high",
  scope: "resource",
  resourceTypes: [...POD_OWNERS],
  rationale:
    "A process running as UID 0 turns any container escape or writable host mount into root on the node. The container " +
    "must be known not to run as root: `runAsNonRoot: true` or a non-zero `runAsUser`, on the container or inherited from " +
    "the pod's securityContext (the container's own setting wins). Without either, the image decides, and many images " +
    "run as root.",
  remediation: "Set `securityContext.runAsNonRoot: true` (and a `runAsUser`) in the pod template; build images with a non-root USER.",
  check(r) {
    const pod = podTemplate(r).spec;
    const podUser = optNumber(pod, "securityContext.runAsUser", "spec.template.spec.securityContext.runAsUser");
    const podNonRoot = optBool(pod, "securityContext.runAsNonRoot", "spec.template.spec.securityContext.runAsNonRoot");
    const out: Violation[] = [];
    for (const { container, name, path } of containersOf(r, { init: true })) {
      const user = optNumber(container, "securityContext.runAsUser", `${path}.securityContext.runAsUser`) ?? podUser;
      const nonRoot = optBool(container, "securityContext.runAsNonRoot", `${path}.securityContext.runAsNonRoot`) ?? podNonRoot;
      if (user === 0) out.push({ path: `${path}.securityContext.runAsUser`, message: `container ${name} runs as root (runAsUser 0)` });
      else if (user === undefined && nonRoot !== true) out.push({ path: `${path}.securityContext`, message: `container ${name} may run as root: neither runAsNonRoot: true nor a runAsUser is set` });
    }
    return out;
  },
};
