import { AWS } from "../../lib/aws";
import { statementsOf } from "../../lib/iam";
import type { ResourceRule, Violation } from "../../lib/rule";
import { isObject, optArray } from "../../lib/values";

export const rule: ResourceRule = {
  id: "SEC-002",
  slug: "no-iam-admin-wildcard",
  title: "No IAM statement allows `*` actions on `*` resources",
  family: "security",
  severity: "critical",
  scope: "resource",
  resourceTypes: [AWS.role, AWS.rolePolicy, AWS.policy, AWS.userPolicy, AWS.groupPolicy],
  rationale:
    "`Action: *` on `Resource: *` is administrator access: one compromised pod with that role owns the account. Policy " +
    "documents are JSON strings; each is parsed, and one that cannot be parsed or is not known before apply fails closed " +
    "(it may grant anything).",
  remediation: "List the actions and resource ARNs the service needs under `services.<name>.aws.statements`.",
  check(r) {
    const docs: { doc: unknown; path: string }[] =
      r.type === AWS.role
        ? (optArray(r.props, "inlinePolicies") ?? []).filter(isObject).map((p, i) => ({ doc: p["policy"], path: `inlinePolicies[${i}].policy` }))
        : [{ doc: r.props["policy"], path: "policy" }];
    const out: Violation[] = [];
    for (const { doc, path } of docs) {
      for (const s of statementsOf(doc, path)) {
        if (s.effect !== "Allow") continue;
        const anyAction = s.actions.some((a) => a === "*" || a === "*:*");
        if (anyAction && s.resources.includes("*")) out.push({ path: `${path}.Statement[${s.index}]`, message: `statement ${s.index} allows every action (*) on every resource (*)` });
      }
    }
    return out;
  },
};
