/**
 * IAM policy documents as plain JSON, built with JSON.stringify (never `getPolicyDocument`,
 * an invoke the offline engine refuses). Key order is fixed so plans are byte-stable.
 */

export interface Statement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: Record<string, string | string[]>;
  readonly Action: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

export function policyDocument(statements: readonly Statement[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/** Trust policy letting an AWS service assume the role, optionally only for our account. */
export function serviceTrustPolicy(service: string, account?: string): string {
  return policyDocument([
    {
      Effect: "Allow",
      Principal: { Service: `${service}.amazonaws.com` },
      Action: "sts:AssumeRole",
      ...(account ? { Condition: { StringEquals: { "aws:SourceAccount": account } } } : {}),
    },
  ]);
}

/**
 * IRSA trust policy: the cluster's OIDC provider may assume the role for exactly one service
 * account (`system:serviceaccount:<namespace>:<name>`) with the STS audience.
 */
export function irsaTrustPolicy(oidcProviderArn: string, oidcIssuer: string, namespace: string, serviceAccount: string): string {
  return policyDocument([
    {
      Effect: "Allow",
      Principal: { Federated: oidcProviderArn },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: {
          [`${oidcIssuer}:aud`]: "sts.amazonaws.com",
          [`${oidcIssuer}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
        },
      },
    },
  ]);
}
