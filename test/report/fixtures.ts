/**
 * The example platform's plans for the report's tests, rendered once per test file, and a
 * change of prod made by editing its plan: the general node group gets new instance types (a
 * replacement), checkout a new image (an update), the sts endpoint goes (a delete) and a logs
 * endpoint that the old side lacked comes (a create).
 */
import { checkPlan } from "../../src/check/evaluate";
import { costDelta, costOf } from "../../src/cost/index";
import { diffPlans } from "../../src/diff/engine";
import { renderEnvs } from "../../src/plan/render";
import type { Plan, PlanResource } from "../../src/plan/types";
import { loadProject } from "../../src/project/project";
import type { EnvInput } from "../../src/report/index";
import { REPO_ROOT } from "../helpers/temp-project";

export const TODAY = "2026-11-21";

export async function examplePlans(): Promise<{ dev: Plan; prod: Plan }> {
  const [dev, prod] = await renderEnvs(loadProject(REPO_ROOT), ["dev", "prod"]);
  return { dev: dev!.plan, prod: prod!.plan };
}

function edit(plan: Plan, fn: (r: PlanResource) => PlanResource | undefined): Plan {
  return { ...plan, resources: plan.resources.map(fn).filter((r): r is PlanResource => r !== undefined) };
}

/** The old and new sides of the prod change described above. */
export function prodChange(prod: Plan): { before: Plan; after: Plan } {
  const before = edit(prod, (r) => (r.type === "aws:ec2/vpcEndpoint:VpcEndpoint" && r.name.endsWith("-logs") ? undefined : r));
  const after = edit(prod, (r) => {
    if (r.type === "aws:ec2/vpcEndpoint:VpcEndpoint" && r.name.endsWith("-sts")) return undefined;
    if (r.type === "aws:eks/nodeGroup:NodeGroup" && r.inputs["nodeGroupName"] === "general") return { ...r, inputs: { ...r.inputs, instanceTypes: ["m7i.large", "m6i.large"] } };
    if (r.type === "kubernetes:apps/v1:Deployment" && r.name === "deployment-shop-checkout") {
      const json = JSON.stringify(r.inputs).replace("shop/checkout:5.0.7", "shop/checkout:5.0.8");
      return { ...r, inputs: JSON.parse(json) as PlanResource["inputs"] };
    }
    return r;
  });
  return { before, after };
}

export function envInput(plan: Plan, before?: Plan): EnvInput {
  return {
    plan,
    check: checkPlan(plan, { today: TODAY }),
    cost: costOf(plan),
    ...(before ? { before, diff: diffPlans(before, plan, { fromLabel: `main:${plan.env.name}`, toLabel: plan.env.name }), costDelta: costDelta(before, plan) } : {}),
  };
}
