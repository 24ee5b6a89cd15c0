/**
 * The report's view model from what the other commands compute: per env its plan (and the
 * plan it is compared with, and their diff), its policy findings and its cost.
 */
import { summarize, type CheckResult } from "../check/types";
import type { CostDelta } from "../cost/index";
import type { CostReport } from "../cost/types";
import type { DiffOp, PlanDiff } from "../diff/types";
import type { Plan } from "../plan/types";
import { changeViewOf } from "./change-model";
import { costViewOf } from "./cost-model";
import { countedByUrn, elementByUrn, findingGroupsOf } from "./findings-model";
import { decorate, elementsOf, mapOf, mergeMaps, transform } from "./map-model";
import type { EnvView, ReportModel } from "./model";
import { slug } from "./plan-view";

export interface EnvInput {
  /** The env's plan (the new side of a comparison). */
  readonly plan: Plan;
  /** The plan it is compared with, when there is one. */
  readonly before?: Plan;
  /** before → plan. */
  readonly diff?: PlanDiff;
  readonly check?: CheckResult;
  readonly cost: CostReport;
  readonly costDelta?: CostDelta;
}

export interface ReportInput {
  readonly project: string;
  readonly against?: string;
  readonly version: string;
  readonly envs: readonly EnvInput[];
}

export function reportModelOf(input: ReportInput): ReportModel {
  return {
    project: input.project,
    ...(input.against !== undefined ? { against: input.against } : {}),
    version: input.version,
    envs: input.envs.map(envViewOf),
  };
}

export function envViewOf(e: EnvInput): EnvView {
  const prefix = slug(e.plan.env.name);
  const findings = countedByUrn(e.check);
  const opsAfter = new Map<string, DiffOp>();
  const opsBefore = new Map<string, DiffOp>();
  for (const s of e.diff?.steps ?? []) {
    if (s.new) opsAfter.set(s.new.urn, s.op);
    if (s.old) opsBefore.set(s.old.urn, s.op);
  }
  const after = decorate(mapOf(e.plan), { findings, ...(e.diff ? { ops: opsAfter } : {}) });
  const merged = e.before && e.diff ? mergeMaps(after, decorate(mapOf(e.before), { ops: opsBefore })) : after;
  const map = transform(merged, (el) => ({ ...el, id: `${prefix}-${el.id}` }));
  const owners = elementByUrn(elementsOf(map));
  const policy = e.check ? summarize(e.check) : { mandatory: 0, advisory: 0, waived: 0, passed: true };
  return {
    name: e.plan.env.name,
    region: e.plan.env.region,
    account: e.plan.env.account,
    envClass: e.plan.env.class,
    resources: e.plan.resources.length,
    map,
    ...(e.diff ? { change: changeViewOf(e.diff, prefix, { mapIdOf: (u) => owners.get(u)?.id, findingsOf: (u) => findings.get(u) ?? 0 }) } : {}),
    policy,
    findingGroups: findingGroupsOf(e.check, owners, prefix),
    cost: costViewOf(e.cost, e.costDelta),
  };
}
