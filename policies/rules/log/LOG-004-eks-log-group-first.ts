import { AWS, tierTag } from "../../lib/aws";
import type { StackRule, Violation } from "../../lib/rule";
import { eachResource } from "../../lib/stack";
import { optString, reqString, stringList } from "../../lib/values";

export const rule: StackRule = {
  id: "LOG-004",
  slug: "eks-log-group-first",
  title: "The EKS control-plane log group exists before the cluster, in the security tier",
  family: "logs",
  severity: "high",
  scope: "stack",
  resourceTypes: [AWS.cluster, AWS.logGroup],
  rationale:
    "EKS writes control-plane logs (audit, authenticator…) to `/aws/eks/<cluster>/cluster`. If the cluster comes first, " +
    "EKS creates that group itself with no retention (kept forever) and Pulumi later fails to create it. The group must " +
    "be declared, tagged security (365 days: the audit log is evidence), and the cluster must depend on it.",
  remediation: "The cluster component creates the log group and passes it in the cluster's `dependsOn`; do not remove either.",
  check(view) {
    const groups = view.ofType(AWS.logGroup);
    return eachResource(view.ofType(AWS.cluster), (c) => {
      if (stringList(c.props, "enabledClusterLogTypes").length === 0) return [];
      const name = reqString(c.props, "name");
      const want = `/aws/eks/${name}/cluster`;
      const group = groups.find((g) => optString(g.props, "name") === want);
      if (!group) return [{ path: "enabledClusterLogTypes", message: `sends control-plane logs but no log group ${want} is declared: EKS will create it without retention` }];
      const out: Violation[] = [];
      if (!c.dependencies.includes(group.urn)) out.push({ path: "dependencies", message: `does not depend on log group ${want}: EKS may create the group first, without retention` });
      const tier = tierTag(group);
      if (tier !== "security") out.push({ urn: group.urn, path: "tags.stackplan:tier", message: `the control-plane log group ${want} is in tier ${String(tier ?? "(none)")}; it must be security` });
      return out;
    });
  },
};
