/**
 * Resources every component builds the same way: an IAM role with its managed-policy
 * attachments, and a log group carrying its tier.
 */
import * as aws from "./aws";
import type * as pulumi from "@pulumi/pulumi";
import type { ChildOptions } from "./child";
import type { RolePlan } from "./iam";
import { nameTags, TIER_TAG } from "./tags";
import type { TieredLogGroup } from "./tiers";

export interface RoleResources {
  readonly role: aws.iam.Role;
  /** One per managed policy, named `<logical name>-<policy name>`. */
  readonly attachments: readonly aws.iam.RolePolicyAttachment[];
}

export function buildRole(
  logicalName: string,
  plan: RolePlan,
  args: { readonly description: string; readonly assumeRolePolicy: pulumi.Input<string>; readonly tags?: Record<string, string> },
  child: ChildOptions,
): RoleResources {
  const role = new aws.iam.Role(logicalName, {
    name: plan.name,
    description: args.description,
    assumeRolePolicy: args.assumeRolePolicy,
    tags: nameTags(plan.name, args.tags),
  }, child());
  const attachments = plan.managedPolicyArns.map(
    (arn) => new aws.iam.RolePolicyAttachment(`${logicalName}-${arn.split("/").pop()}`, { role: role.name, policyArn: arn }, child()),
  );
  return { role, attachments };
}

/** A log group with its tier's retention and the `stackplan:tier` tag. */
export function buildLogGroup(
  logicalName: string,
  plan: TieredLogGroup,
  child: ChildOptions,
  extra: Pick<aws.cloudwatch.LogGroupArgs, "logGroupClass"> = {},
): aws.cloudwatch.LogGroup {
  return new aws.cloudwatch.LogGroup(logicalName, {
    name: plan.name,
    retentionInDays: plan.retentionInDays,
    ...extra,
    tags: nameTags(plan.name, { [TIER_TAG]: plan.tier }),
  }, child());
}
