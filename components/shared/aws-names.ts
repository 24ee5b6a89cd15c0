/**
 * Deterministic AWS identifiers derived from the spec alone (no data sources: the offline engine
 * refuses invokes). ARNs of resources whose physical names we choose are knowable before apply,
 * so plans show them and policies can check them.
 */

/** The AWS partition of a region: `aws`, `aws-us-gov`, `aws-cn`, `aws-iso`, `aws-iso-b`. */
export function partitionOf(region: string): string {
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-iso-")) return "aws-iso";
  return "aws";
}

/** DNS suffix of service endpoints in the region's partition. */
export function dnsSuffixOf(region: string): string {
  return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
}

/** The ARN of an AWS managed IAM policy, e.g. `AmazonEKSClusterPolicy` or `service-role/AmazonEBSCSIDriverPolicy`. */
export function managedPolicyArn(region: string, policy: string): string {
  return `arn:${partitionOf(region)}:iam::aws:policy/${policy}`;
}

export function iamRoleArn(region: string, account: string, roleName: string): string {
  return `arn:${partitionOf(region)}:iam::${account}:role/${roleName}`;
}

export function logGroupArn(region: string, account: string, logGroupName: string): string {
  return `arn:${partitionOf(region)}:logs:${region}:${account}:log-group:${logGroupName}`;
}

export function snsTopicArn(region: string, account: string, topicName: string): string {
  return `arn:${partitionOf(region)}:sns:${region}:${account}:${topicName}`;
}

/** VPC endpoint service name: `com.amazonaws.<region>.<suffix>`. */
export function endpointServiceName(region: string, suffix: string): string {
  return `com.amazonaws.${region}.${suffix}`;
}

/** The principal of an AWS service in the region's partition, e.g. `eks.amazonaws.com`. */
export function servicePrincipal(service: string): string {
  return `${service}.amazonaws.com`;
}
