/**
 * The force-new table: known answers per resource type (replace or update in place), and a lint
 * that keeps every AWS entry pointing at a real @pulumi/aws resource and input property.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { FORCE_NEW } from "../../src/diff/force-new";
import { parseRulePath } from "../../src/diff/paths";
import { diffPlans } from "../../src/diff/engine";
import { REPO_ROOT } from "../plan/helpers";
import { planOf, urnOf } from "./plans";

type Inputs = Record<string, unknown>;

const K8S_PROVIDER = urnOf("dev", "pulumi:providers:kubernetes", "k8s");

function planWith(type: string, inputs: Inputs, provider?: Inputs) {
  return planOf([
    { type, name: "r", inputs, ...(provider ? { provider: K8S_PROVIDER } : {}) },
    ...(provider ? [{ type: "pulumi:providers:kubernetes", name: "k8s", inputs: provider }] : []),
  ]);
}

function opOf(type: string, before: Inputs, after: Inputs, provider?: Inputs): string {
  return diffPlans(planWith(type, before, provider), planWith(type, after, provider)).steps.find((s) => s.name === "r")!.op;
}

const deployment = (selector: string, image: string) => ({
  metadata: { name: "web", namespace: "shop" },
  spec: { selector: { matchLabels: { app: selector } }, template: { spec: { containers: [{ name: "web", image }] } } },
});

describe("force-new properties", () => {
  it.each([
    ["aws:ec2/vpc:Vpc", { cidrBlock: "10.0.0.0/16" }, { cidrBlock: "10.1.0.0/16" }, "replace"],
    ["aws:ec2/vpc:Vpc", { tags: { a: "1" } }, { tags: { a: "2" } }, "update"],
    ["aws:ec2/subnet:Subnet", { availabilityZoneId: "use1-az1" }, { availabilityZoneId: "use1-az2" }, "replace"],
    ["aws:ec2/eip:Eip", { domain: "vpc" }, { domain: "standard" }, "replace"],
    ["aws:eks/cluster:Cluster", { vpcConfig: { subnetIds: ["a", "b"] } }, { vpcConfig: { subnetIds: ["a", "b", "c"] } }, "update"],
    ["aws:eks/cluster:Cluster", { name: "shop-dev" }, { name: "shop-dev2" }, "replace"],
    ["aws:eks/cluster:Cluster", { version: "1.33" }, { version: "1.34" }, "update"],
    ["aws:eks/cluster:Cluster", {}, { encryptionConfig: { resources: ["secrets"] } }, "update"],
    ["aws:eks/cluster:Cluster", { encryptionConfig: { resources: ["secrets"] } }, {}, "replace"],
    ["aws:eks/cluster:Cluster", { computeConfig: { enabled: true } }, { computeConfig: { enabled: true, nodeRoleArn: "arn:r" } }, "update"],
    ["aws:eks/cluster:Cluster", { computeConfig: { nodeRoleArn: "arn:a" } }, { computeConfig: { nodeRoleArn: "arn:b" } }, "replace"],
    ["aws:eks/nodeGroup:NodeGroup", { instanceTypes: ["m6i.large"] }, { instanceTypes: ["m6i.xlarge"] }, "replace"],
    ["aws:eks/nodeGroup:NodeGroup", { scalingConfig: { maxSize: 3 } }, { scalingConfig: { maxSize: 4 } }, "update"],
    ["aws:eks/nodeGroup:NodeGroup", { launchTemplate: { id: "lt-1", version: "1" } }, { launchTemplate: { id: "lt-1", version: "2" } }, "update"],
    ["aws:eks/addon:Addon", { addonVersion: "v1" }, { addonVersion: "v2" }, "update"],
    ["aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 90 }, { retentionInDays: 365 }, "update"],
    ["aws:cloudwatch/logGroup:LogGroup", { logGroupClass: "STANDARD" }, { logGroupClass: "INFREQUENT_ACCESS" }, "replace"],
    ["aws:cloudwatch/metricAlarm:MetricAlarm", { name: "a" }, { name: "b" }, "replace"],
    ["aws:iam/role:Role", { assumeRolePolicy: "{}" }, { assumeRolePolicy: '{"a":1}' }, "update"],
    ["aws:sns/topic:Topic", { region: "us-east-1" }, { region: "eu-west-1" }, "replace"],
    ["kubernetes:apps/v1:Deployment", deployment("web", "v1"), deployment("web", "v2"), "update"],
    ["kubernetes:apps/v1:Deployment", deployment("web", "v1"), deployment("web2", "v1"), "replace"],
    ["kubernetes:apps/v1:DeploymentPatch", deployment("web", "v1"), deployment("web2", "v1"), "update"],
    ["kubernetes:core/v1:Service", { spec: { type: "ClusterIP" } }, { spec: { type: "LoadBalancer" } }, "update"],
    ["kubernetes:core/v1:Service", { spec: { clusterIP: "10.0.0.1" } }, { spec: { clusterIP: "10.0.0.2" } }, "replace"],
    ["kubernetes:core/v1:ConfigMap", { data: { a: "1" } }, { data: { a: "2" } }, "replace"],
    ["kubernetes:core/v1:Secret", { type: "Opaque" }, { type: "kubernetes.io/tls" }, "replace"],
    ["kubernetes:policy/v1:PodDisruptionBudget", { spec: { minAvailable: 1 } }, { spec: { minAvailable: 2 } }, "update"],
    ["kubernetes:policy/v1beta1:PodDisruptionBudget", { spec: { minAvailable: 1 } }, { spec: { minAvailable: 2 } }, "replace"],
    ["kubernetes:core/v1:Namespace", { metadata: { name: "a" } }, { metadata: { name: "b" } }, "replace"],
    ["kubernetes:core/v1:Namespace", { metadata: { name: "a" } }, {}, "replace"],
    ["kubernetes:core/v1:Pod", { spec: { containers: [{ name: "c", image: "v1" }] } }, { spec: { containers: [{ name: "c", image: "v2" }] } }, "replace"],
  ] as const)("%s: %j → %j is a %s", (type, before, after, op) => {
    expect(opOf(type, before, after)).toBe(op);
  });

  it("ConfigMap data changes in place when the provider enables mutable ConfigMaps, unless the ConfigMap is immutable", () => {
    const mutable = { enableConfigMapMutable: "true" };
    expect(opOf("kubernetes:core/v1:ConfigMap", { data: { a: "1" } }, { data: { a: "2" } }, mutable)).toBe("update");
    expect(opOf("kubernetes:core/v1:ConfigMap", { immutable: true, data: { a: "1" } }, { immutable: true, data: { a: "2" } }, mutable)).toBe("replace");
  });

  it("every AWS entry names a real @pulumi/aws resource and input property", () => {
    const problems: string[] = [];
    for (const [token, entries] of Object.entries(FORCE_NEW)) {
      if (!token.startsWith("aws:")) continue;
      const [, mod] = /^aws:([^:]+):/.exec(token)!;
      const dts = path.join(REPO_ROOT, "node_modules", "@pulumi", "aws", `${mod}.d.ts`);
      if (!fs.existsSync(dts)) {
        problems.push(`${token}: no ${mod}.d.ts`);
        continue;
      }
      const text = fs.readFileSync(dts, "utf8");
      const js = fs.readFileSync(dts.replace(/\.d\.ts$/, ".js"), "utf8");
      if (!js.includes(`'${token}'`) && !js.includes(`"${token}"`)) problems.push(`${token}: not the type token of ${mod}`);
      const args = /export interface \w+Args \{([\s\S]*?)\n\}/.exec(text)?.[1] ?? "";
      for (const e of entries) {
        const top = parseRulePath(typeof e === "string" ? e : e.path)[0]!;
        if (!new RegExp(`^\\s+(readonly )?${top}\\??:`, "m").test(args)) problems.push(`${token}: no input ${top}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
