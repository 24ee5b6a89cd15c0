/** Small hand-made plans for the diff tests. */
import { makeUrn, PLAN_FORMAT_VERSION, STACK_TYPE, type Plan, type PlanResource } from "../../src/plan/types";

export interface ResourceSpec {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  readonly custom?: boolean;
  readonly provider?: string;
  readonly parent?: string;
  readonly propertyDependencies?: Record<string, string[]>;
  readonly secretFingerprints?: Record<string, string>;
}

export const urnOf = (stack: string, type: string, name: string, parents: readonly string[] = []) => makeUrn(stack, "p", [...parents, type], name);

/** A plan of project `p` with the stack resource first; resources are parented to the stack unless told. */
export function planOf(resources: readonly ResourceSpec[], stack = "dev", account = "111111111111"): Plan {
  const stackUrn = makeUrn(stack, "p", [STACK_TYPE], `p-${stack}`);
  const stackResource: PlanResource = { urn: stackUrn, type: STACK_TYPE, name: `p-${stack}`, custom: false, dependencies: [], propertyDependencies: {}, inputs: {} };
  const rs: PlanResource[] = resources.map((r) => ({
    urn: urnOf(stack, r.type, r.name),
    type: r.type,
    name: r.name,
    custom: r.custom ?? true,
    parent: r.parent ?? stackUrn,
    dependencies: [...new Set(Object.values(r.propertyDependencies ?? {}).flat())].sort(),
    propertyDependencies: r.propertyDependencies ?? {},
    ...(r.provider ? { provider: r.provider } : {}),
    inputs: r.inputs,
    ...(r.secretFingerprints ? { secretFingerprints: r.secretFingerprints, secretPaths: Object.keys(r.secretFingerprints) } : {}),
  }));
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    project: "p",
    stack,
    env: { name: stack, region: "us-east-1", account, overlay: stack, order: 1, class: "development", isProduction: false },
    policy: { enforcement: "advisory", overrides: {}, waivers: [] },
    resources: [stackResource, ...rs],
    outputs: {},
  };
}
