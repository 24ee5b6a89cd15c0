/**
 * The parts of `@pulumi/aws` the components use, each from its own module. The package's index
 * requires every one of its ~250 service namespaces (300 modules, a quarter of a second of every
 * program's start, paid again by each render worker); these load a dozen. Import `aws` from here,
 * not from "@pulumi/aws" (test/plan/sdk-modules.test.ts keeps the index out of a render).
 */
export * as cloudwatch from "@pulumi/aws/cloudwatch";
export * as ec2 from "@pulumi/aws/ec2";
export * as eks from "@pulumi/aws/eks";
export * as iam from "@pulumi/aws/iam";
export * as kms from "@pulumi/aws/kms";
export * as sns from "@pulumi/aws/sns";
export { Provider } from "@pulumi/aws/provider";
export type { Region } from "@pulumi/aws";
