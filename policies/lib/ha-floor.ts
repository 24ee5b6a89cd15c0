/** The replica floor of the HA rules (DESIGN.md): 2, and 3 for critical services in production. */
import type { RuleEnv } from "./rule";
import { LABEL } from "./k8s";

export function replicaFloor(labels: Readonly<Record<string, string>>, env: RuleEnv): { floor: number; why: string } {
  const critical = labels[LABEL.criticality] === "critical";
  if (critical && env.production) return { floor: 3, why: `critical service in production env ${env.name}` };
  return { floor: 2, why: critical ? "critical service" : "any replicated service" };
}

/** Criticality as the pod template says it, falling back to the object's own labels. */
export function workloadLabels(objectLabels: Readonly<Record<string, string>>, podLabels: Readonly<Record<string, string>>): Record<string, string> {
  return { ...objectLabels, ...podLabels };
}
