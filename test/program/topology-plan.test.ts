import { describe, expect, it } from "vitest";
import { loadProject } from "../../src/project/project";
import { planTopology } from "../../src/program/topology-plan";
import { inputErrorOf } from "../helpers";
import { loadEnvironment, type LoadedEnvironment } from "../../src/values/load";
import { ROOT } from "./topology-harness";

const prod = loadEnvironment(loadProject(ROOT), "prod");

/** The prod env with a spec edited as a values change would; the layers stay for locating. */
function edited(change: (spec: LoadedEnvironment["spec"]) => void): LoadedEnvironment {
  const spec = structuredClone(prod.spec);
  change(spec);
  return { ...prod, spec };
}

const problemsOf = (env: LoadedEnvironment) => inputErrorOf(() => planTopology(env));

describe("topology plan of an env", () => {
  it("plans the example prod env", () => {
    const plan = planTopology(prod);
    expect(plan.network.azIds).toEqual(["use1-az1", "use1-az2", "use1-az4"]);
    expect(plan.nodeGroups.map((g) => `${g.key}:${g.maxPods}`)).toEqual(["general:29", "batch:58"]);
    expect(plan.cluster.addons).toHaveLength(5);
  });

  it("reports the problems of every planner at once, located in the values file that set them", () => {
    const err = problemsOf(
      edited((spec) => {
        spec.network.azIds = ["use1-az1", "use1-az2", "use1-az3"];
        spec.nodeGroups.general!.instanceTypes = ["m5.large", "m6g.large"];
      }),
    );
    expect(err.message.split("\n")[0]).toBe("2 problems in the values of prod:");
    expect(err.problems[0]).toMatchObject({ file: "overlays/prod/values.yaml", line: 5, path: "network.azIds[2]" });
    expect(err.problems[0]!.message).toMatch(/^AZ ID "use1-az3" is not supported by EKS for cluster subnets in us-east-1; accepted AZ IDs in us-east-1: use1-az1, /);
    expect(err.problems[1]).toMatchObject({ file: "overlays/base/values.yaml", path: "nodeGroups.general.instanceTypes" });
  });
});
