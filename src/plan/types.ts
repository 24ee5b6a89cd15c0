/**
 * The plan: what `stackplan render` writes to `<out>/<env>/plan.json` and what `diff`, `check`,
 * `cost` and `promote` read. Plain data, byte-for-byte deterministic (keys sorted, resources
 * sorted by URN, no timestamps). Secrets are `[secret]`; values not known before apply (ids,
 * ARNs of resources to be created) are `[unknown]`, as `pulumi preview` shows them.
 */
import type { EnvFacts } from "../project/stack-config";
import type { PolicySpec } from "../spec/policy";

export const PLAN_FORMAT_VERSION = 1 as const;

/** Placeholder for a secret value in every output. */
export const SECRET = "[secret]";
/** Placeholder for a value only known after apply. */
export const UNKNOWN = "[unknown]";

export interface PlanResource {
  /** `urn:pulumi:<stack>::<project>::<parent types $-joined>$<type>::<name>`, as the engine builds it. */
  readonly urn: string;
  /** Pulumi type token: `aws:ec2/vpc:Vpc`, `kubernetes:apps/v1:Deployment`, `stackplan:network:Network`. */
  readonly type: string;
  /** Logical name. */
  readonly name: string;
  /** False for component resources (and the stack). */
  readonly custom: boolean;
  /** Parent URN; top-level resources are parented to the stack resource. */
  readonly parent?: string;
  /** URNs this resource depends on (explicit dependsOn and implicit output dependencies), sorted. */
  readonly dependencies: readonly string[];
  /** Per input property: the URNs its value came from, sorted. */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  /** URN of the provider resource that manages it (custom resources only). */
  readonly provider?: string;
  /** Inputs as registered, with secrets and unknowns replaced by placeholders. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Outputs a component registered with registerOutputs (components only). */
  readonly outputs?: Readonly<Record<string, unknown>>;
  readonly protect?: boolean;
  /** Input paths whose values are secret (top-level property names, dotted for nested). */
  readonly secretPaths?: readonly string[];
  /**
   * Per secret path: a keyed fingerprint of the value (`hmac-sha256:<16 hex>`), so a diff can say
   * that a secret changed without showing it. Offline, a secret's value is what the program saw:
   * for `secure:` stack config that is the ciphertext, never the decrypted secret.
   */
  readonly secretFingerprints?: Readonly<Record<string, string>>;
}

export interface Plan {
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  /** Pulumi project name (Pulumi.yaml `name`). */
  readonly project: string;
  /** Stack (environment) name. */
  readonly stack: string;
  readonly env: EnvFacts;
  /** The env's policy settings (enforcement, overrides, waivers), so `check` can run on a plan alone. */
  readonly policy: PolicySpec;
  /** Every registered resource, sorted by URN; the first is the stack resource. */
  readonly resources: readonly PlanResource[];
  /** Stack outputs. */
  readonly outputs: Readonly<Record<string, unknown>>;
}

/** Kubernetes resources are the `kubernetes:*` resources except providers. */
export function isKubernetesResource(r: PlanResource): boolean {
  return r.type.startsWith("kubernetes:") && r.custom;
}

/** Build a URN the way the Pulumi engine does (the root stack type is elided from children). */
export function makeUrn(stack: string, project: string, typeChain: readonly string[], name: string): string {
  return `urn:pulumi:${stack}::${project}::${typeChain.join("$")}::${name}`;
}

export const STACK_TYPE = "pulumi:pulumi:Stack";
