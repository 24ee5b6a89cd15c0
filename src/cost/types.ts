/** What `stackplan cost` reports and `costDelta` compares. */
export type CostCategory = "alarms" | "composite-alarms" | "custom-metrics" | "log-ingestion" | "log-storage";

export interface CostLine {
  readonly category: CostCategory;
  /** `type::name` of the resource priced. */
  readonly resource: string;
  /** How the amount was computed, for reviewers. */
  readonly detail: string;
  /** USD per month, unrounded. */
  readonly monthly: number;
}

export interface CostReport {
  readonly env: string;
  readonly region: string;
  readonly currency: string;
  readonly pricesAsOf: string;
  /** Sorted by category, then resource. */
  readonly lines: readonly CostLine[];
  readonly byCategory: Readonly<Record<CostCategory, number>>;
  readonly total: number;
  /** Assumptions that change the figure: undeclared volumes, unverified prices. */
  readonly caveats: readonly string[];
}

export const CATEGORIES: readonly CostCategory[] = ["alarms", "composite-alarms", "custom-metrics", "log-ingestion", "log-storage"];
