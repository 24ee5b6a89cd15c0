import { AWS } from "../../lib/aws";
import type { ResourceRule } from "../../lib/rule";
import { isObject, optional, stringList } from "../../lib/values";

export const rule: ResourceRule = {
  id: "SEC-004",
  slug: "secrets-encryption",
  title: "EKS envelope-encrypts Kubernetes secrets with KMS",
  family: "security",
  severity: "high",
  scope: "resource",
  resourceTypes: [AWS.cluster],
  rationale:
    "Without envelope encryption, Secrets sit in etcd protected only by EBS encryption, readable by anyone with an etcd " +
    "backup. Encryption cannot be turned off later and adding it rewrites every secret, so it belongs at creation. The " +
    "key's ARN is usually `[unknown]` (the key is created in the same deployment): its presence is what is checked.",
  remediation: "Keep `cluster.secretsEncryption.enabled: true`.",
  check(r) {
    const raw = optional(r.props, "encryptionConfig");
    const configs = (Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]).filter(isObject);
    const ok = configs.some((c, i) => stringList(c, "resources", `encryptionConfig[${i}].resources`).includes("secrets") && isObject(c["provider"]) && c["provider"]["keyArn"] !== undefined && c["provider"]["keyArn"] !== "");
    return ok ? [] : [{ path: "encryptionConfig", message: "does not encrypt secrets with a KMS key (no encryptionConfig with resources [secrets] and a provider keyArn)" }];
  },
};
