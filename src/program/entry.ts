/**
 * The Pulumi program's entry: the same code runs under `pulumi preview/up` (real engine) and
 * under stackplan's offline engine (runtime mocks). It reads the stack's facts from Pulumi
 * config, loads the env's values from overlays/ and composes the platform.
 */
import * as pulumi from "@pulumi/pulumi";
import { loadProject } from "../project/project";
import { parseStackConfig } from "../project/stack-config";
import { loadEnvironmentFor } from "../values/load";
import { composePlatform } from "./platform";

export async function runProgram(): Promise<Record<string, unknown>> {
  const project = loadProject(process.env.STACKPLAN_PROJECT_ROOT ?? process.cwd());
  const stack = pulumi.getStack();
  const config = pulumiConfigSnapshot();
  const stackConfig = parseStackConfig(stack, config, `stacks/Pulumi.${stack}.yaml`);
  const env = loadEnvironmentFor(project, stackConfig);
  return composePlatform(env);
}

/** The config keys stackplan reads, as the engine passed them to the program. */
function pulumiConfigSnapshot(): Record<string, unknown> {
  const aws = new pulumi.Config("aws");
  const sp = new pulumi.Config("stackplan");
  const num = sp.getNumber("order");
  return {
    "aws:region": aws.get("region"),
    "stackplan:account": sp.get("account"),
    "stackplan:overlay": sp.get("overlay"),
    "stackplan:order": num,
    "stackplan:class": sp.get("class"),
  };
}
