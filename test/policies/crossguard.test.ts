/**
 * The CrossGuard adapter, called the way the policy runtime calls it (hand-built args, as
 * AWSGuard's tests do): violations, waivers from the pack config, fail-closed on unknowns.
 */
import type { PolicyResource, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { ambientEnv, toPolicy, type PolicySettings } from "../../policies/crossguard";
import { ruleById } from "../../policies/registry";
import { platformPlan } from "./fixtures/platform";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy");
const PROD = { name: "prod", production: true };

function resourceArgs(type: string, props: Record<string, unknown>, config: PolicySettings = {}): ResourceValidationArgs {
  return {
    type,
    props: proxy.unknownCheckingProxy(props),
    urn: `urn:pulumi:prod::shop-platform::${type}::x`,
    name: "x",
    opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T>() => config as T,
    notApplicable: (reason?: string) => {
      throw new Error(`not applicable: ${reason}`);
    },
  } as unknown as ResourceValidationArgs;
}

async function runResource(id: string, args: ResourceValidationArgs): Promise<string[]> {
  const found: string[] = [];
  const report: ReportViolation = (m) => void found.push(m);
  const policy = toPolicy(ruleById(id)!, PROD) as ResourceValidationPolicy;
  await (policy.validateResource as (a: ResourceValidationArgs, r: ReportViolation) => Promise<void> | void)(args, report);
  return found;
}

function stackArgs(config: PolicySettings = {}, mutate: (b: ReturnType<typeof platformPlan>) => void = () => {}): StackValidationArgs {
  const b = platformPlan();
  mutate(b);
  const plan = b.build();
  const byUrn = new Map<string, PolicyResource>();
  const resources = plan.resources.map((r) => {
    const pr = { type: r.type, props: proxy.unknownCheckingProxy(r.inputs), urn: r.urn, name: r.name, opts: {}, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined } as unknown as PolicyResource;
    byUrn.set(r.urn, pr);
    return [r, pr] as const;
  });
  for (const [r, pr] of resources) {
    const m = pr as unknown as { dependencies: PolicyResource[]; propertyDependencies: Record<string, PolicyResource[]>; provider?: unknown };
    m.dependencies = r.dependencies.map((u) => byUrn.get(u)!).filter(Boolean);
    m.propertyDependencies = Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map((u) => byUrn.get(u)!)]));
    if (r.provider) m.provider = { type: "pulumi:providers:kubernetes", urn: r.provider, name: "k8s", props: plan.resources.find((p) => p.urn === r.provider)?.inputs ?? {} };
  }
  return { resources: resources.map(([, pr]) => pr), stackTags: new Map(), getConfig: <T>() => config as T, notApplicable: () => { throw new Error("n/a"); } } as unknown as StackValidationArgs;
}

describe("CrossGuard adapter", () => {
  it("maps metadata: name = rule id, severity, remediation, config schema without enforcementLevel", () => {
    const p = toPolicy(ruleById("LOG-002")!, PROD);
    expect(p.name).toBe("LOG-002");
    expect(p.severity).toBe("high");
    expect(p.remediationSteps).toContain("tier");
    expect(Object.keys(p.configSchema!.properties)).not.toContain("enforcementLevel");
  });

  it("reports a resource violation with its property path", async () => {
    expect(await runResource("LOG-002", resourceArgs("aws:cloudwatch/logGroup:LogGroup", { name: "/x", retentionInDays: 0 }))).toEqual(["has retentionInDays 0: its events never expire [retentionInDays]"]);
    expect(await runResource("LOG-002", resourceArgs("aws:cloudwatch/logGroup:LogGroup", { name: "/x", retentionInDays: 90 }))).toEqual([]);
  });

  it("fails closed on a preview unknown instead of the SDK's advisory skip", async () => {
    const found = await runResource("LOG-002", resourceArgs("aws:cloudwatch/logGroup:LogGroup", { retentionInDays: proxy.unknownNumberValue }));
    expect(found).toEqual([expect.stringContaining("cannot evaluate retentionInDays: the value is not known before apply ([unknown])")]);
  });

  it("is not applicable to other types", async () => {
    await expect(runResource("LOG-002", resourceArgs("aws:s3/bucket:Bucket", {}))).rejects.toThrow("not applicable");
  });

  it("honours waivers from the pack config, and flags expired ones", async () => {
    const waiver = { rule: "LOG-002", resource: "aws:cloudwatch/logGroup:LogGroup::x", reason: "migration in progress, see TICKET-1", expires: "2026-02-01" };
    const args = (today: string) => resourceArgs("aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 0 }, { today, waivers: [waiver] });
    expect(await runResource("LOG-002", args("2026-02-01"))).toEqual([]);
    expect(await runResource("LOG-002", args("2026-02-02"))).toEqual([expect.stringContaining("(its waiver expired on 2026-02-01)")]);
  });

  it("runs stack rules over PolicyResources with dependencies and propertyDependencies", async () => {
    const policy = toPolicy(ruleById("AZ-002")!, PROD) as StackValidationPolicy;
    const found: [string, string | undefined][] = [];
    await policy.validateStack(stackArgs(), (m, urn) => void found.push([m, urn]));
    expect(found).toEqual([]);
    const ha = toPolicy(ruleById("HA-003")!, PROD) as StackValidationPolicy;
    await ha.validateStack(stackArgs(), (m, urn) => void found.push([m, urn]));
    expect(found).toEqual([]);
    await ha.validateStack(stackArgs({}, (b) => ((b.get("web-pdb").inputs["spec"] as Record<string, unknown>)["maxUnavailable"] = 0)), (m, urn) => void found.push([m, urn]));
    expect(found).toEqual([[expect.stringContaining("maxUnavailable 0 allows 0 disruptions"), expect.stringContaining("PodDisruptionBudget::web-pdb")]]);
  });

  it("takes the env class from the stack config the CLI passes, defaulting to production", () => {
    expect(ambientEnv({ PULUMI_CONFIG: JSON.stringify({ "stackplan:class": "development" }), PULUMI_NODEJS_STACK: "dev" })).toEqual({ name: "dev", production: false });
    expect(ambientEnv({})).toEqual({ name: "(unknown stack)", production: true });
  });
});
