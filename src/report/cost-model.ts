/**
 * The cost section's figures, from the cost model (src/cost): the env's monthly total by
 * category and, with a comparison, the totals before and after and the change per category.
 */
import { CATEGORIES, type CostCategory, type CostReport } from "../cost/types";
import type { CostDelta } from "../cost/index";
import type { CostBar, CostView } from "./model";

const LABELS: Readonly<Record<CostCategory, string>> = {
  alarms: "CloudWatch alarms",
  "composite-alarms": "composite alarms",
  "custom-metrics": "custom metrics",
  "log-ingestion": "log ingestion",
  "log-storage": "log storage",
};

export function costViewOf(report: CostReport, delta?: CostDelta): CostView {
  const items: CostBar[] = CATEGORIES.filter((c) => report.byCategory[c] !== 0).map((c) => ({ label: LABELS[c], monthly: report.byCategory[c] }));
  return {
    currency: report.currency,
    total: report.total,
    items,
    ...(delta
      ? {
          change: {
            before: delta.before.total,
            after: delta.after.total,
            items: CATEGORIES.filter((c) => Math.abs(delta.byCategory[c]) >= 0.005).map((c) => ({ label: LABELS[c], monthly: delta.byCategory[c] })),
          },
        }
      : {}),
    notes: [`CloudWatch only (alarms, custom metrics, logs) at ${report.region} list prices of ${report.pricesAsOf}`, ...report.caveats],
  };
}
