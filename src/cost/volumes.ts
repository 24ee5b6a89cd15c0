/**
 * Declared daily log volumes from an env's spec, by log group name: the observability log
 * groups' `dailyIngestGiB`, and the flow logs' (`network.flowLogs.dailyIngestGiB`) under the
 * name of the log group a flow log of the plan delivers to. Used when the log group itself
 * does not carry the `stackplan:daily-ingest-gib` tag.
 */
import { AWS } from "../../policies/lib/aws";
import type { Plan } from "../plan/types";
import type { EnvironmentSpec } from "../spec";

export function specVolumes(spec: EnvironmentSpec, plan?: Plan): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of Object.values(spec.observability.logGroups)) out.set(g.name, g.dailyIngestGiB);
  if (plan && spec.network.flowLogs.enabled) {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    for (const f of plan.resources.filter((r) => r.type === AWS.flowLog)) {
      for (const urn of f.propertyDependencies["logDestination"] ?? []) {
        const g = byUrn.get(urn);
        const name = g?.type === AWS.logGroup && typeof g.inputs["name"] === "string" ? g.inputs["name"] : undefined;
        if (name && !out.has(name)) out.set(name, spec.network.flowLogs.dailyIngestGiB);
      }
    }
  }
  return out;
}
