/**
 * The kubeconfig of the cluster's Kubernetes provider. It holds no credential: the token comes
 * from `aws eks get-token` at each use, under whatever AWS identity runs Pulumi, so the plan and
 * the state never contain a secret.
 */

export interface KubeconfigInput {
  readonly clusterName: string;
  readonly region: string;
  /** API server URL (`https://…eks.amazonaws.com`). */
  readonly endpoint: string;
  /** Base64 PEM of the cluster CA, as EKS reports it. */
  readonly certificateAuthorityData: string;
}

export function kubeconfig(input: KubeconfigInput): string {
  const { clusterName: name } = input;
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster: { server: input.endpoint, "certificate-authority-data": input.certificateAuthorityData } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
    "current-context": name,
    users: [
      {
        name,
        user: {
          exec: {
            apiVersion: "client.authentication.k8s.io/v1beta1",
            command: "aws",
            args: ["eks", "get-token", "--cluster-name", name, "--region", input.region, "--output", "json"],
            interactiveMode: "Never",
          },
        },
      },
    ],
  });
}
