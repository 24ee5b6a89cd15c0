/**
 * The parts of `@pulumi/kubernetes` the components use, each from its own module: the package's
 * index loads every API group and its helpers (110 modules, a quarter of a second of every
 * program's start); these load what a render registers. Import `k8s` from here, not from
 * "@pulumi/kubernetes" (test/plan/sdk-modules.test.ts keeps the index out of a render).
 */
export * as apiextensions from "@pulumi/kubernetes/apiextensions";
export * as apps from "@pulumi/kubernetes/apps";
export * as autoscaling from "@pulumi/kubernetes/autoscaling";
export * as batch from "@pulumi/kubernetes/batch";
export * as core from "@pulumi/kubernetes/core";
export * as networking from "@pulumi/kubernetes/networking";
export * as policy from "@pulumi/kubernetes/policy";
export * as rbac from "@pulumi/kubernetes/rbac";
export * as scheduling from "@pulumi/kubernetes/scheduling";
export * as storage from "@pulumi/kubernetes/storage";
export { Provider } from "@pulumi/kubernetes/provider";
