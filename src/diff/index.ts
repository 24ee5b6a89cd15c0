/** Plan diffs: the engine, its formats and the sources of plans (env, directory, git ref). */
export { diffPlans, type DiffOptions } from "./engine";
export { formatJson, toPreviewDigest } from "./format-json";
export { formatMarkdown } from "./format-markdown";
export { formatText } from "./format-text";
export { loadPlans, parseSource, type PlanSource } from "./sources";
export { changeCount, countsLine, topChangedKinds } from "./summary";
export type { DiffOp, PlanDiff, PlanRef, PropertyChange, ResourceStep } from "./types";
