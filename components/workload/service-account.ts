/**
 * The ServiceAccount of a service and, when it declares AWS access, its IRSA role: an IAM role
 * named `<cluster>-<service>` (so its ARN is known offline and the ServiceAccount annotation is
 * plain data), trusted by the cluster's OIDC provider for exactly this ServiceAccount.
 */
import type { ResolvedService } from "../../src/spec/schema";
import type { Manifest } from "../../src/manifests/types";
import { InputError } from "../../src/util/errors";
import { iamRoleArn } from "../shared/aws-names";
import { IAM_ROLE_NAME_MAX, policyDocumentObject, type PolicyDocument } from "../shared/iam";
import type { WorkloadContext } from "./context";
import { serviceMetadata } from "./labels";

export const IRSA_ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

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
  if (roleName.length > IAM_ROLE_NAME_MAX) {
    throw new InputError({
      path: `services.${name}.aws`,
      message: `the IRSA role name ${JSON.stringify(roleName)} (<cluster>-<service>) has ${roleName.length} characters; IAM allows ${IAM_ROLE_NAME_MAX}: shorten the cluster or the service name`,
    });
  }
  const statements = svc.aws.statements.map((s) => ({ Effect: s.effect, Action: [...s.actions], Resource: [...s.resources] }));
  return {
    service: name,
    namespace: svc.namespace,
    serviceAccount: name,
    roleName,
    roleArn: iamRoleArn(ctx.region, ctx.account, roleName),
    inlinePolicy: statements.length ? policyDocumentObject(statements) : undefined,
    managedPolicyArns: [...svc.aws.managedPolicyArns],
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
