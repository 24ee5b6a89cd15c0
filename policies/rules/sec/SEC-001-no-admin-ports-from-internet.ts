import { AWS } from "../../lib/aws";
import type { ResourceRule, Violation } from "../../lib/rule";
import { isObject, optArray, optNumber, optString, stringList } from "../../lib/values";

const OPEN = ["0.0.0.0/0", "::/0"];
const ADMIN_PORTS = [
  { port: 22, name: "SSH" },
  { port: 3389, name: "RDP" },
];

interface Ingress {
  readonly path: string;
  readonly protocol: string;
  readonly from: number;
  readonly to: number;
  readonly cidrs: readonly string[];
}

function ingressRules(props: Record<string, unknown>, type: string): Ingress[] {
  const one = (root: unknown, path: string, proto: string, cidrFields: string[]): Ingress => {
    const protocol = String(optString(root, proto, `${path}${proto}`) ?? optNumber(root, proto, `${path}${proto}`) ?? "-1").toLowerCase();
    return {
      path: path.replace(/\.$/, ""),
      protocol,
      from: optNumber(root, "fromPort", `${path}fromPort`) ?? 0,
      to: optNumber(root, "toPort", `${path}toPort`) ?? 65535,
      cidrs: cidrFields.flatMap((f) => (f.endsWith("Blocks") ? stringList(root, f, `${path}${f}`) : [optString(root, f, `${path}${f}`)].filter((x): x is string => x !== undefined))),
    };
  };
  if (type === AWS.securityGroup) {
    return (optArray(props, "ingress") ?? []).filter(isObject).map((r, i) => one(r, `ingress[${i}].`, "protocol", ["cidrBlocks", "ipv6CidrBlocks"]));
  }
  if (type === AWS.securityGroupRule) {
    return optString(props, "type") === "ingress" ? [one(props, "", "protocol", ["cidrBlocks", "ipv6CidrBlocks"])] : [];
  }
  return [one(props, "", "ipProtocol", ["cidrIpv4", "cidrIpv6"])];
}

export const rule: ResourceRule = {
  id: "SEC-001",
  slug: "no-admin-ports-from-internet",
  title: "No SSH (22) or RDP (3389) open to 0.0.0.0/0 or ::/0",
  family: "security",
  severity: "critical",
  scope: "resource",
  resourceTypes: [AWS.securityGroup, AWS.securityGroupRule, AWS.ingressRule],
  rationale:
    "Administrative ports open to the internet are scanned within minutes of creation. Inline ingress blocks, " +
    "`aws:ec2/securityGroupRule` and `aws:vpc/securityGroupIngressRule` are all read; protocol -1 (all) and port ranges " +
    "that include 22 or 3389 count.",
  remediation: "Reach nodes through SSM Session Manager; if a port must be open, restrict it to a known CIDR.",
  check(r) {
    const out: Violation[] = [];
    for (const rule of ingressRules(r.props as Record<string, unknown>, r.type)) {
      const open = rule.cidrs.filter((c) => OPEN.includes(c));
      if (open.length === 0) continue;
      const allProtocols = rule.protocol === "-1" || rule.protocol === "all";
      if (!allProtocols && rule.protocol !== "tcp" && rule.protocol !== "6") continue;
      for (const { port, name } of ADMIN_PORTS) {
        if (allProtocols || (rule.from <= port && port <= rule.to)) {
          out.push({ path: rule.path || "cidrIpv4", message: `allows ${name} (port ${port}) from ${open.join(" and ")}` });
        }
      }
    }
    return out;
  },
};
