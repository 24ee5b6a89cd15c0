/**
 * Tag keys stackplan puts on AWS resources. Policies and cost reports read them; they are a
 * contract: renaming one is a breaking change for the policy pack.
 */

/** Retention tier of a log group, or cost tier of an alarm: `security`, `application`, `debug`, `critical`, … */
export const TIER_TAG = "stackplan:tier";
/** `"true"` on alarms with a sub-minute (10/20/30 s) period. */
export const HIGH_RESOLUTION_TAG = "stackplan:high-resolution";
/** Subnet tier: `public`, `private`, `data`. */
export const SUBNET_TIER_TAG = "stackplan:subnet-tier";
/** Node group key, on node-group resources and as a Kubernetes node label. */
export const NODE_GROUP_LABEL = "stackplan.dev/node-group";
/** What a resource is for, when its type does not say (e.g. the IAM role of an add-on). */
export const PURPOSE_TAG = "stackplan:purpose";

/** `Name` plus extra tags; provider default tags (platform tags, `stackplan:env`) are added by the provider. */
export function nameTags(name: string, extra: Record<string, string> = {}): Record<string, string> {
  return { Name: name, ...extra };
}
