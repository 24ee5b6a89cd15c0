import { AWS } from "../../lib/aws";
import type { ResourceRule } from "../../lib/rule";
import { optBool, stringList } from "../../lib/values";

export const rule: ResourceRule = {
  id: "SEC-003",
  slug: "eks-endpoint-not-open",
  title: "The production EKS API endpoint is not public to 0.0.0.0/0",
  family: "security",
  severity: "critical",
  scope: "resource",
  resourceTypes: [AWS.cluster],
  rationale:
    "A public endpoint open to the internet exposes the Kubernetes API to credential stuffing and every future API " +
    "server CVE. EKS defaults to a public endpoint open to 0.0.0.0/0 when nothing is set, so silence counts as open.",
  remediation: "Set `cluster.endpoint.publicAccess: false` in production, or list the office/VPN CIDRs in `publicAccessCidrs`.",
  check(r, env) {
    if (!env.production) return [];
    const isPublic = optBool(r.props, "vpcConfig.endpointPublicAccess") ?? true;
    if (!isPublic) return [];
    const cidrs = stringList(r.props, "vpcConfig.publicAccessCidrs");
    if (cidrs.length === 0) return [{ path: "vpcConfig.publicAccessCidrs", message: "has a public endpoint with no publicAccessCidrs: EKS opens it to 0.0.0.0/0" }];
    if (cidrs.includes("0.0.0.0/0")) return [{ path: "vpcConfig.publicAccessCidrs", message: "has a public endpoint open to 0.0.0.0/0" }];
    return [];
  },
};
