import { LABEL, metaOf, podTemplate, POD_OWNERS } from "../../lib/k8s";
import type { ResourceRule, Violation } from "../../lib/rule";

export const rule: ResourceRule = {
  id: "HA-009",
  slug: "do-not-disrupt",
  title: "`karpenter.sh/do-not-disrupt` only with a waiver",
  family: "ha-k8s",
  severity: "medium",
  scope: "resource",
  resourceTypes: [...POD_OWNERS],
  rationale:
    "The annotation stops Karpenter from draining the node the pod runs on: consolidation, expiry and drift replacement " +
    "(security patches) wait for it indefinitely. It is sometimes right (a long batch job), so it needs a recorded reason " +
    "and an expiry: a waiver for this rule.",
  remediation:
    "Remove the annotation, or add a waiver `{ rule: HA-009, resource: <kind>/<namespace>/<name>, reason, expires }` " +
    "under `policy.waivers` of the env's values file.",
  check(r) {
    const out: Violation[] = [];
    const own = metaOf(r).annotations[LABEL.doNotDisrupt];
    const pod = podTemplate(r).annotations[LABEL.doNotDisrupt];
    if (own !== undefined && own !== "false") out.push({ path: `metadata.annotations.${LABEL.doNotDisrupt}`, message: `sets ${LABEL.doNotDisrupt}: ${own} (allowed only with a waiver)` });
    if (pod !== undefined && pod !== "false") out.push({ path: `spec.template.metadata.annotations.${LABEL.doNotDisrupt}`, message: `its pods set ${LABEL.doNotDisrupt}: ${pod} (allowed only with a waiver)` });
    return out;
  },
};
