/**
 * IAM policy documents as plain JSON, built with JSON.stringify (never `getPolicyDocument`,
 * an invoke the offline engine refuses). Key order is fixed so plans are byte-stable.
 */
import { iamRoleArn, managedPolicyArn } from "./aws-names";
import type { PathSegment, Problems } from "./problems";

export interface Statement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: Record<string, string | string[]>;
  readonly Action: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly Statement[];
}

export function policyDocumentObject(statements: readonly Statement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

export function policyDocument(statements: readonly Statement[]): string {
  return JSON.stringify(policyDocumentObject(statements));
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
 * account (`system:serviceaccount:<namespace>:<name>`) with the STS audience. The issuer is its
 * host and path; a leading `https://` is dropped.
 */
export function irsaTrustPolicy(oidcProviderArn: string, oidcIssuer: string, namespace: string, serviceAccount: string): string {
  return JSON.stringify(irsaTrustDocument(oidcProviderArn, oidcIssuer, namespace, serviceAccount));
}

export function irsaTrustDocument(oidcProviderArn: string, oidcIssuer: string, namespace: string, serviceAccount: string): PolicyDocument {
  const host = oidcIssuer.replace(/^https:\/\//, "");
  return policyDocumentObject([
    {
      Effect: "Allow",
      Principal: { Federated: oidcProviderArn },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: {
          [`${host}:aud`]: "sts.amazonaws.com",
          [`${host}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
        },
      },
    },
  ]);
}

/** IAM role names are at most 64 characters. */
export const IAM_ROLE_NAME_MAX = 64;

/** An IAM role with a name we choose, so its ARN is known before apply. */
export interface RolePlan {
  readonly name: string;
  readonly arn: string;
  /** AWS managed policies attached to it, as ARNs. */
  readonly managedPolicyArns: readonly string[];
}

export interface RolePlanInput {
  readonly region: string;
  readonly account: string;
  readonly name: string;
  /** Managed policy names such as `AmazonEKSClusterPolicy` or `service-role/AmazonEBSCSIDriverPolicy`. */
  readonly managedPolicies?: readonly string[];
}

/** The role's ARN and policy ARNs; a name over 64 characters is a problem at `path`. */
export function planRole(input: RolePlanInput, problems: Problems, path: readonly PathSegment[], shorten: string): RolePlan {
  if (input.name.length > IAM_ROLE_NAME_MAX) {
    problems.add(path, `the IAM role name ${JSON.stringify(input.name)} is longer than ${IAM_ROLE_NAME_MAX} characters; shorten ${shorten}`);
  }
  return {
    name: input.name,
    arn: iamRoleArn(input.region, input.account, input.name),
    managedPolicyArns: (input.managedPolicies ?? []).map((p) => managedPolicyArn(input.region, p)),
  };
}
