/**
 * The environment spec: the typed, validated, plain-data description of one environment that
 * the planners and components are built from. It is what `overlays/base/values.yaml` merged with
 * the env's layers becomes after templating. Defaults are documented on each field (`@default`).
 */
import { z } from "zod";
import { dnsLabel, tags } from "./common";
import { clusterSpec } from "./cluster";
import { networkSpec } from "./network";
import { nodeGroupSpec } from "./node-groups";
import { observabilitySpec } from "./observability";
import { policySpec } from "./policy";
import { serviceSpec } from "./services";

export const DEFAULT_PROMOTABLE = [
  "services.*.image.tag",
  "services.*.image.digest",
  "cluster.version",
  "cluster.addons.*.version",
] as const;

const platformSpec = z.strictObject({
  /** Short name of the platform, used in resource names: `shop`. */
  name: dnsLabel,
  /** Default namespace of services. @default "apps" */
  namespace: dnsLabel.default("apps"),
  /** Tags put on every AWS resource (as provider default tags). @default {} */
  tags,
});

const specObject = z.strictObject({
  platform: platformSpec,
  network: networkSpec.default(networkSpec.parse({})),
  cluster: clusterSpec,
  /** Managed node groups by key. */
  nodeGroups: z.record(dnsLabel, nodeGroupSpec).refine((g) => Object.keys(g).length > 0, "expected at least one node group"),
  observability: observabilitySpec,
  /** Services by name (the name is the Kubernetes name). @default {} */
  services: z.record(dnsLabel, serviceSpec).default({}),
  policy: policySpec,
  promotion: z
    .strictObject({
      /** Value paths `promote` copies between envs; `*` matches one key. */
      promotable: z.array(z.string().regex(/^[A-Za-z0-9*_-]+(\.[A-Za-z0-9*_-]+)*$/, "expected a dotted value path, * for any key")).default([...DEFAULT_PROMOTABLE]),
    })
    .default({ promotable: [...DEFAULT_PROMOTABLE] }),
});

/** Cross-references between parts of the spec, reported with the path of the referring value. */
export const environmentSpecSchema = specObject
  .superRefine((spec, ctx) => {
    const groups = Object.keys(spec.nodeGroups);
    const services = Object.keys(spec.services);
    for (const [name, svc] of Object.entries(spec.services)) {
      if (svc.nodeGroup !== undefined && !groups.includes(svc.nodeGroup)) {
        ctx.addIssue({ code: "custom", path: ["services", name, "nodeGroup"], message: `unknown node group ${JSON.stringify(svc.nodeGroup)}; node groups: ${groups.join(", ")}` });
      }
      svc.allowFrom.services.forEach((from, i) => {
        if (!services.includes(from)) {
          ctx.addIssue({ code: "custom", path: ["services", name, "allowFrom", "services", i], message: `unknown service ${JSON.stringify(from)}` });
        }
      });
    }
    const azs = spec.network.azIds;
    for (const [name, g] of Object.entries(spec.nodeGroups)) {
      g.azIds?.forEach((az, i) => {
        if (azs && !azs.includes(az)) {
          ctx.addIssue({ code: "custom", path: ["nodeGroups", name, "azIds", i], message: `AZ ID ${JSON.stringify(az)} is not one of network.azIds (${azs.join(", ")})` });
        }
      });
    }
    const alarms = Object.keys(spec.observability.alarms);
    for (const [name, c] of Object.entries(spec.observability.compositeAlarms)) {
      for (const m of c.rule.matchAll(/\b(?:ALARM|OK|INSUFFICIENT_DATA)\(\s*"?([^")\s]+)"?\s*\)/g)) {
        if (!alarms.includes(m[1]!)) {
          ctx.addIssue({ code: "custom", path: ["observability", "compositeAlarms", name, "rule"], message: `unknown alarm ${JSON.stringify(m[1])} in the rule; alarms: ${alarms.join(", ") || "(none)"}` });
        }
      }
    }
    const logGroups = Object.keys(spec.observability.logGroups);
    for (const [name, m] of Object.entries(spec.observability.customMetrics)) {
      if (!logGroups.includes(m.logGroup)) {
        ctx.addIssue({ code: "custom", path: ["observability", "customMetrics", name, "logGroup"], message: `unknown log group ${JSON.stringify(m.logGroup)}; log groups: ${logGroups.join(", ") || "(none)"}` });
      }
    }
  })
  .transform((spec) => ({
    ...spec,
    // Resolve the default namespace so every consumer sees a concrete one.
    services: Object.fromEntries(
      Object.entries(spec.services).map(([name, svc]) => [name, { ...svc, namespace: svc.namespace ?? spec.platform.namespace }]),
    ),
  }));

/** The validated spec of one environment. */
export type EnvironmentSpec = z.output<typeof environmentSpecSchema>;
/** One service with its namespace resolved. */
export type ResolvedService = EnvironmentSpec["services"][string];
/** The object schema (before cross-reference checks), for key suggestions. */
export const environmentSpecShape = specObject;
