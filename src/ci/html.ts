/** `stackplan ci`'s HTML report (stackplan-report.html): every env of the head, compared with the merge base. */
import { costOf } from "../cost/index";
import { reportHtml, reportModelOf, type EnvInput } from "../report/index";
import type { CiResult } from "./ci";

export function ciReportHtml(result: CiResult, project: string, version: string): string {
  const envs = result.envs
    .filter((e) => e.after)
    .map(
      (e): EnvInput => ({
        plan: e.after!,
        ...(e.check ? { check: e.check } : {}),
        cost: costOf(e.after!),
        // An env new in this change has a diff from nothing: all of it is created.
        diff: e.diff,
        ...(e.before ? { before: e.before } : {}),
        ...(e.cost ? { costDelta: e.cost } : {}),
      }),
    );
  return reportHtml(reportModelOf({ project, against: `${result.base} (merge base ${result.mergeBase.slice(0, 12)})`, version, envs }));
}
