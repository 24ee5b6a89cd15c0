/** Plan resources as rules see them, with each Kubernetes resource's provider inputs attached. */
import type { RuleResource } from "../../policies/lib/rule";
import type { Plan } from "../plan/types";

export function ruleResources(plan: Plan): RuleResource[] {
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  return plan.resources.map((r) => {
    const provider = r.provider ? byUrn.get(r.provider) : undefined;
    return {
      urn: r.urn,
      type: r.type,
      name: r.name,
      props: r.inputs,
      ...(r.parent ? { parent: r.parent } : {}),
      dependencies: r.dependencies,
      propertyDependencies: r.propertyDependencies,
      ...(r.provider ? { provider: { urn: r.provider, props: provider?.inputs ?? {} } } : {}),
    };
  });
}
