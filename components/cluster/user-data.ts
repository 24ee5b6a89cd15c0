/**
 * Node user data for AL2023 managed node groups. AL2023 boots with `nodeadm`, which reads
 * NodeConfig documents from MIME multi-part user data (content type `application/node.eks.aws`).
 * EKS adds its own NodeConfig (cluster endpoint, CA, DNS) for managed node groups on EKS AMIs;
 * nodeadm merges ours into it, so ours carries only what we decide: the kubelet's maxPods.
 * Without it nodeadm would apply the uncapped ENI formula (234 on an m5.4xlarge).
 */

export const MIME_BOUNDARY = "//";

/** The NodeConfig document (YAML) that sets the kubelet's maxPods. */
export function nodeConfigYaml(maxPods: number): string {
  return [
    "apiVersion: node.eks.aws/v1alpha1",
    "kind: NodeConfig",
    "spec:",
    "  kubelet:",
    "    config:",
    `      maxPods: ${maxPods}`,
    "",
  ].join("\n");
}

/** The whole MIME multi-part user data, plain text (the launch template takes it base64-encoded). */
export function nodeUserData(maxPods: number): string {
  return [
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${MIME_BOUNDARY}"`,
    "",
    `--${MIME_BOUNDARY}`,
    "Content-Type: application/node.eks.aws",
    "",
    nodeConfigYaml(maxPods),
    `--${MIME_BOUNDARY}--`,
    "",
  ].join("\n");
}

export function base64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}
