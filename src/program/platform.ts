/**
 * Composes the platform of one environment from its spec: providers, then the AWS topology
 * (network, cluster, node groups, observability), then the Kubernetes workloads on the cluster.
 * Each part is built by a module of its own; this file only wires them together.
 */
import * as aws from "../../components/shared/aws";
import type { LoadedEnvironment } from "../values/load";
import { buildInfrastructure } from "./infrastructure";
import { buildWorkloads } from "./workloads";

export async function composePlatform(env: LoadedEnvironment): Promise<Record<string, unknown>> {
  const { spec, facts } = env;
  // One explicit AWS provider per stack: region and account are pinned, and the platform tags
  // land on every resource as default tags.
  const awsProvider = new aws.Provider("aws", {
    region: facts.region as aws.Region,
    allowedAccountIds: [facts.account],
    defaultTags: { tags: { ...spec.platform.tags, "stackplan:env": facts.name } },
  });
  const infra = await buildInfrastructure(env, awsProvider);
  const workloads = await buildWorkloads(env, infra);
  return { ...infra.outputs, ...workloads.outputs };
}

/**
 * Let the Pulumi runtime drain its registration queue. Large programs that register thousands
 * of resources in one synchronous burst keep every pending promise alive at once; yielding
 * between batches keeps memory flat and halves the time under the offline engine.
 */
export function yieldToRuntime(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
