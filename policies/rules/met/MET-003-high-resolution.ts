import { alarmPeriods, isHighResolution } from "../../lib/alarms";
import { AWS, TAG, tierTag } from "../../lib/aws";
import type { ResourceRule, Violation } from "../../lib/rule";
import { tagsOf } from "../../lib/values";

export const rule: ResourceRule = {
  id: "MET-003",
  slug: "high-resolution",
  title: "High resolution (10/20/30 s) only for critical alarms that declare it",
  family: "metrics",
  severity: "medium",
  scope: "resource",
  resourceTypes: [AWS.metricAlarm],
  rationale:
    "A period of 10, 20 or 30 s makes a high-resolution alarm, billed at three times a standard one, and needs metrics " +
    "published at 1-second resolution. Only critical signals justify it, and only deliberately: the alarm must carry " +
    "`stackplan:high-resolution: \"true\"`. Important and nice-to-have alarms never declare it.",
  remediation: "Set `highResolution: true` on the critical alarm in the values file, or use a 60 s period.",
  check(r) {
    const tier = tierTag(r);
    const declared = tagsOf(r.props)[TAG.highResolution] === "true";
    const out: Violation[] = [];
    if (declared && tier !== "critical") out.push({ path: `tags.${TAG.highResolution}`, message: `declares high resolution on a ${String(tier ?? "untiered")} alarm; only critical alarms may` });
    for (const { period, path } of alarmPeriods(r)) {
      if (!isHighResolution(period)) continue;
      if (tier !== "critical") out.push({ path, message: `period ${period}s is high resolution on a ${String(tier ?? "untiered")} alarm` });
      else if (!declared) out.push({ path, message: `period ${period}s is high resolution but the alarm does not declare ${TAG.highResolution}: "true"` });
    }
    return out;
  },
};
