/** CloudWatch cost of plans: `costOf(plan)` for one env, `costDelta(planA, planB)` for a diff. */
export { costOf, DAYS_PER_MONTH, type CostOptions } from "./cost";
export { costDelta, costDeltaMarkdown, type CostDelta } from "./delta";
export { costJson, costMarkdown, costText } from "./report";
export { PRICES, customMetricsMonthly } from "./prices";
export { specVolumes } from "./volumes";
export type { CostCategory, CostLine, CostReport } from "./types";
