/**
 * The CrossGuard adapter: each rule becomes a ResourceValidationPolicy or StackValidationPolicy
 * named by its id. Resource properties are unwrapped from the SDK's unknown-checking proxy and
 * its unknown sentinels become `[unknown]`, so rules see exactly what they see offline and fail
 * closed the same way (instead of the SDK's advisory "can't run policy during preview").
 *
 * Per-policy config (`--policy-pack-config policies/config/<env>.json`, written by
 * `stackplan rules --pack-config <env>`): `{ enforcementLevel, env, production, today?, waivers }`.
 * Without it, the env comes from the stack config the CLI passes to the pack (`stackplan:class`
 * in PULUMI_CONFIG, newer CLIs) and, failing that, the env is treated as production.
 */
import type * as policy from "@pulumi/policy";
import type { Rule, RuleEnv, RuleResource, Violation } from "./lib/rule";
import { StackView, failClosed } from "./lib/stack";
import { UNKNOWN, isObject } from "./lib/values";
import { isExpired, utcToday, waiverMatches, type Waiver } from "./lib/waivers";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as Record<string, unknown>;
const SENTINELS = new Set(
  ["unknownBooleanValue", "unknownNumberValue", "unknownStringValue", "unknownArrayValue", "unknownAssetValue", "unknownArchiveValue", "unknownObjectValue"].map((k) => proxy[k]),
);

export interface PolicySettings {
  readonly env?: string;
  readonly production?: boolean;
  readonly today?: string;
  readonly waivers?: readonly Waiver[];
}

/** JSON schema of the per-policy config (enforcementLevel is reserved by CrossGuard). */
export const CONFIG_SCHEMA: policy.PolicyConfigSchema = {
  properties: {
    env: { type: "string" },
    production: { type: "boolean" },
    today: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
    waivers: {
      type: "array",
      items: { type: "object", required: ["rule", "resource", "reason", "expires"], properties: { rule: { type: "string" }, resource: { type: "string" }, reason: { type: "string" }, expires: { type: "string" } } },
    },
  },
};

/** The env when the pack config says nothing: the stack's own config, else production (strictest). */
export function ambientEnv(processEnv: NodeJS.ProcessEnv = process.env): RuleEnv {
  let cls: unknown;
  try {
    cls = (JSON.parse(processEnv["PULUMI_CONFIG"] ?? "{}") as Record<string, unknown>)["stackplan:class"];
  } catch {
    cls = undefined;
  }
  return { name: processEnv["PULUMI_NODEJS_STACK"] ?? "(unknown stack)", production: cls === undefined ? true : cls === "production" };
}

/** Props without the SDK proxy, unknown sentinels replaced by `[unknown]`. */
export function plainProps(value: unknown): Record<string, unknown> {
  const out = plain(value);
  return isObject(out) ? out : {};
}

function plain(value: unknown): unknown {
  let v = value;
  if (v !== null && typeof v === "object" && (v as Record<string, unknown>)[proxy["isSpecialProxy"] as string] === true) {
    v = (v as Record<string, unknown>)[proxy["getSpecialProxyTarget"] as string];
  }
  if (SENTINELS.has(v)) return UNKNOWN;
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

function settingsOf(config: PolicySettings, fallback: RuleEnv): { env: RuleEnv; today: string; waivers: readonly Waiver[] } {
  return {
    env: { name: config.env ?? fallback.name, production: config.production ?? fallback.production },
    today: config.today ?? utcToday(),
    waivers: (config.waivers ?? []).filter((w) => isObject(w)),
  };
}

/** Drop waived violations; mark those whose waiver has expired. */
function applyWaivers(violations: readonly Violation[], resources: (urn: string) => RuleResource | undefined, rule: Rule, waivers: readonly Waiver[], today: string): Violation[] {
  return violations.flatMap((v) => {
    const r = v.urn ? resources(v.urn) : undefined;
    const matching = r ? waivers.filter((w) => w.rule === rule.id && waiverMatches(w, r)) : [];
    if (matching.some((w) => !isExpired(w, today))) return [];
    const expired = matching[0];
    return [expired ? { ...v, message: `${v.message} (its waiver expired on ${expired.expires})` } : v];
  });
}

function messageOf(v: Violation): string {
  return v.path ? `${v.message} [${v.path}]` : v.message;
}

function fromPolicyResource(r: policy.PolicyResource): RuleResource {
  const deps: Record<string, string[]> = {};
  for (const [k, list] of Object.entries(r.propertyDependencies ?? {})) deps[k] = list.map((d) => d.urn);
  return {
    urn: r.urn,
    type: r.type,
    name: r.name,
    props: plainProps(r.props),
    ...(r.parent ? { parent: r.parent.urn } : {}),
    dependencies: (r.dependencies ?? []).map((d) => d.urn),
    propertyDependencies: deps,
    ...(r.provider ? { provider: { urn: r.provider.urn, props: plainProps(r.provider.props) } } : {}),
  };
}

export function toPolicy(rule: Rule, fallback: RuleEnv = ambientEnv()): policy.ResourceValidationPolicy | policy.StackValidationPolicy {
  const base = {
    name: rule.id,
    displayName: `${rule.id} ${rule.title}`,
    description: `${rule.title}. ${rule.rationale}`,
    severity: rule.severity,
    remediationSteps: rule.remediation,
    tags: [rule.family, rule.slug],
    configSchema: CONFIG_SCHEMA,
  };
  if (rule.scope === "resource") {
    return {
      ...base,
      validateResource: (args: policy.ResourceValidationArgs, report: policy.ReportViolation) => {
        if (!rule.resourceTypes.includes(args.type)) return args.notApplicable(`${rule.id} only applies to ${rule.resourceTypes.join(", ")}`);
        const { env, today, waivers } = settingsOf(args.getConfig<PolicySettings>(), fallback);
        const r: RuleResource = {
          urn: args.urn,
          type: args.type,
          name: args.name,
          props: plainProps(args.props),
          ...(args.opts?.parent ? { parent: args.opts.parent } : {}),
          dependencies: [],
          propertyDependencies: {},
          ...(args.provider ? { provider: { urn: args.provider.urn, props: plainProps(args.provider.props) } } : {}),
        };
        let found: Violation[];
        try {
          found = rule.check(r, env).map((v) => ({ ...v, urn: v.urn ?? r.urn }));
        } catch (err) {
          found = [failClosed(err, r.urn)];
        }
        for (const v of applyWaivers(found, (u) => (u === r.urn ? r : undefined), rule, waivers, today)) report(messageOf(v), v.urn === r.urn ? undefined : v.urn);
      },
    };
  }
  return {
    ...base,
    validateStack: (args: policy.StackValidationArgs, report: policy.ReportViolation) => {
      const { env, today, waivers } = settingsOf(args.getConfig<PolicySettings>(), fallback);
      const view = new StackView(args.resources.map(fromPolicyResource));
      let found: Violation[];
      try {
        found = [...rule.check(view, env)];
      } catch (err) {
        found = [failClosed(err)];
      }
      for (const v of applyWaivers(found, (u) => view.get(u), rule, waivers, today)) report(messageOf(v), v.urn);
    },
  };
}

export function toPolicies(rules: readonly Rule[], fallback: RuleEnv = ambientEnv()): policy.Policies {
  return rules.map((r) => toPolicy(r, fallback));
}
