/**
 * The diff in the shape of `pulumi preview --json` (PreviewDigest, pulumi/pulumi
 * `pkg/display/json.go`), so tools that read Pulumi previews read stackplan's too:
 * `steps[{op, urn, provider, oldState, newState, diffReasons, replaceReasons, detailedDiff}]`
 * and `changeSummary`. As in Pulumi, unchanged resources are left out (except the root stack)
 * unless asked for, a replacement is its `replace` step, and there is no `duration` (the
 * output is deterministic). Secrets are `[secret]`; secret fingerprints are not printed.
 */
import type { PlanResource } from "../plan/types";
import { stableStringify } from "../util/stable-json";
import type { DiffOp, PlanDiff, ResourceStep } from "./types";
import { DIFF_OPS } from "./types";

export interface JsonOptions {
  readonly showSames?: boolean;
}

interface ResourceV3 {
  urn: string;
  custom: boolean;
  type: string;
  inputs: Readonly<Record<string, unknown>>;
  outputs?: Readonly<Record<string, unknown>>;
  parent?: string;
  protect?: boolean;
  dependencies?: readonly string[];
  provider?: string;
  propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

export function toPreviewDigest(diff: PlanDiff, opts: JsonOptions = {}): Record<string, unknown> {
  const steps = diff.steps.filter((s) => s.op !== "same" || opts.showSames || s.depth === 0).map(step);
  const changeSummary: Partial<Record<DiffOp, number>> = {};
  for (const op of DIFF_OPS) if (diff.summary[op] > 0) changeSummary[op] = diff.summary[op];
  return { steps, changeSummary };
}

export function formatJson(diff: PlanDiff, opts: JsonOptions = {}): string {
  return stableStringify(toPreviewDigest(diff, opts));
}

function step(s: ResourceStep): Record<string, unknown> {
  const provider = (s.new ?? s.old)?.provider;
  const out: Record<string, unknown> = { op: s.op, urn: s.urn };
  if (provider) out.provider = provider;
  if (s.old && s.op !== "create") out.oldState = state(s.old);
  if (s.new && s.op !== "delete") out.newState = state(s.new);
  if (s.diffReasons.length) out.diffReasons = s.diffReasons;
  if (s.replaceReasons.length) out.replaceReasons = s.replaceReasons;
  out.detailedDiff =
    s.op === "update" || s.op === "replace"
      ? Object.fromEntries(s.changes.map((c) => [c.pulumiPath, { kind: c.replaces ? `${c.kind}-replace` : c.kind, inputDiff: true }]))
      : null;
  return out;
}

function state(r: PlanResource): ResourceV3 {
  return {
    urn: r.urn,
    custom: r.custom,
    type: r.type,
    inputs: r.inputs,
    ...(r.outputs ? { outputs: r.outputs } : {}),
    ...(r.parent ? { parent: r.parent } : {}),
    ...(r.protect ? { protect: true } : {}),
    ...(r.dependencies.length ? { dependencies: r.dependencies } : {}),
    ...(r.provider ? { provider: r.provider } : {}),
    ...(Object.keys(r.propertyDependencies).length ? { propertyDependencies: r.propertyDependencies } : {}),
  };
}
