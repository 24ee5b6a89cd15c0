/**
 * The ServiceAccount of a service and, when it declares AWS access, its IRSA role: an IAM role
 * named `<cluster>-<service>` (so its ARN is known offline and the ServiceAccount annotation is
 * plain data), trusted by the cluster's OIDC provider for exactly this ServiceAccount.
 */
import type { ResolvedService } from "../../src/spec/schema";
import type { Manifest } from "../../src/manifests/types";
import { InputError } from "../../src/util/errors";
import { awsPartition, type WorkloadContext } from "./context";
import { serviceMetadata } from "./labels";

export const IRSA_ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";
/** IAM role names are at most 64 characters. */
export const MAX_ROLE_NAME = 64;

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly Record<string, unknown>[];
}

export interface IrsaRolePlan {
  readonly service: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly roleName: string;
  readonly roleArn: string;
  /** Inline policy from the service's statements; undefined when it has none. */
  readonly inlinePolicy: PolicyDocument | undefined;
  readonly managedPolicyArns: readonly string[];
}

export function irsaRole(name: string, svc: ResolvedService, ctx: WorkloadContext): IrsaRolePlan | undefined {
  if (!svc.aws) return undefined;
  const roleName = `${ctx.clusterName}-${name}`;
  if (roleName.length > MAX_ROLE_NAME) {
    throw new InputError({
      path: `services.${name}.aws`,
      message: `the IRSA role name ${JSON.stringify(roleName)} (<cluster>-<service>) has ${roleName.length} characters; IAM allows ${MAX_ROLE_NAME}: shorten the cluster or the service name`,
    });
  }
  const statements = svc.aws.statements.map((s) => ({ Effect: s.effect, Action: [...s.actions], Resource: [...s.resources] }));
  return {
    service: name,
    namespace: svc.namespace,
    serviceAccount: name,
    roleName,
    roleArn: `arn:${awsPartition(ctx.region)}:iam::${ctx.account}:role/${roleName}`,
    inlinePolicy: statements.length ? { Version: "2012-10-17", Statement: statements } : undefined,
    managedPolicyArns: [...svc.aws.managedPolicyArns],
  };
}

/**
 * Trust policy of an IRSA role: web identities from the cluster's OIDC provider, for one
 * ServiceAccount (`sub`) and for STS only (`aud`). `issuer` is the host and path, no scheme.
 */
export function irsaTrustPolicy(oidcProviderArn: string, issuer: string, namespace: string, serviceAccount: string): PolicyDocument {
  const host = issuer.replace(/^https:\/\//, "");
  return {
    Version: "2012-10-17",
    Statement: [
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
    ],
  };
}

export function serviceAccount(name: string, svc: ResolvedService, ctx: WorkloadContext, irsa: IrsaRolePlan | undefined): Manifest {
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { ...serviceMetadata(name, svc, ctx), ...(irsa ? { annotations: { [IRSA_ROLE_ANNOTATION]: irsa.roleArn } } : {}) },
    automountServiceAccountToken: false,
  };
}
