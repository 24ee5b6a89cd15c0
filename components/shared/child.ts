/**
 * Options of a component's children: parented to the component and managed by the env's
 * explicit AWS provider (never a default provider), plus per-child extras such as dependsOn.
 */
import type * as aws from "./aws";
import type * as pulumi from "@pulumi/pulumi";

export type ChildOptions = (extra?: pulumi.CustomResourceOptions) => pulumi.CustomResourceOptions;

export function childOptions(parent: pulumi.Resource, provider: aws.Provider): ChildOptions {
  return (extra = {}) => ({ parent, provider, ...extra });
}
