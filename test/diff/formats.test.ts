/** The three diff formats, secrets in diffs, env-vs-env identity and the replacement cascade. */
import { describe, expect, it } from "vitest";
import { diffPlans } from "../../src/diff/engine";
import { formatJson } from "../../src/diff/format-json";
import { formatMarkdown } from "../../src/diff/format-markdown";
import { formatText } from "../../src/diff/format-text";
import { planOf, urnOf } from "./plans";

const VPC = "aws:ec2/vpc:Vpc";
const SUBNET = "aws:ec2/subnet:Subnet";
const TOPIC = "aws:sns/topic:Topic";
const BUCKET = "aws:s3/bucket:Bucket";

const before = planOf([
  { type: VPC, name: "vpc", inputs: { cidrBlock: "10.0.0.0/16", tags: { team: "a" } } },
  { type: TOPIC, name: "alerts", inputs: { name: "alerts", displayName: "old" } },
  { type: BUCKET, name: "logs", inputs: { bucket: "logs" } },
]);
const after = planOf([
  { type: VPC, name: "vpc", inputs: { cidrBlock: "10.1.0.0/16", tags: { team: "a" } } },
  { type: TOPIC, name: "alerts", inputs: { name: "alerts", displayName: "new" } },
  { type: SUBNET, name: "a", inputs: { cidrBlock: "10.1.0.0/24", vpcId: "[unknown]" } },
]);
const diff = diffPlans(before, after);

describe("text format", () => {
  const text = formatText(diff);

  it("marks each operation like pulumi preview --diff and ends with the Resources summary", () => {
    expect(text).toContain("    +-aws:ec2/vpc:Vpc: (replace)\n");
    expect(text).toContain('      ~ cidrBlock: "10.0.0.0/16" => "10.1.0.0/16"  (forces replacement)\n');
    expect(text).toContain("    ~ aws:sns/topic:Topic: (update)\n");
    expect(text).toContain("    + aws:ec2/subnet:Subnet: (create)\n");
    expect(text).toContain("    - aws:s3/bucket:Bucket: (delete)\n");
    expect(text.endsWith("Resources:\n    + 1 to create\n    ~ 1 to update\n    +-1 to replace\n    - 1 to delete\n    4 changes. 1 unchanged\n")).toBe(true);
  });

  it("lists a created resource's inputs with aligned keys", () => {
    expect(text).toContain('        cidrBlock: "10.1.0.0/24"\n        vpcId    : [unknown]\n');
  });

  it("hides unchanged resources unless asked", () => {
    const same = diffPlans(before, before);
    expect(formatText(same)).not.toContain("aws:sns/topic:Topic");
    expect(formatText(same, { showSames: true })).toContain("      aws:sns/topic:Topic: (same)");
  });
});

describe("json format (pulumi preview --json)", () => {
  const digest = JSON.parse(formatJson(diff));

  it("has the PreviewDigest shape: steps and a changeSummary without zero counts or a duration", () => {
    expect(Object.keys(digest).sort()).toEqual(["changeSummary", "steps"]);
    expect(digest.changeSummary).toEqual({ create: 1, delete: 1, replace: 1, same: 1, update: 1 });
    expect(digest.steps.map((s: { op: string }) => s.op)).toEqual(["same", "create", "replace", "delete", "update"]);
  });

  it("gives a replace its reasons and a detailed diff with -replace kinds", () => {
    const replace = digest.steps.find((s: { op: string }) => s.op === "replace");
    expect(replace.replaceReasons).toEqual(["cidrBlock"]);
    expect(replace.detailedDiff).toEqual({ cidrBlock: { kind: "update-replace", inputDiff: true } });
    expect(replace.oldState.inputs.cidrBlock).toBe("10.0.0.0/16");
    expect(replace.newState.inputs.cidrBlock).toBe("10.1.0.0/16");
  });
});

describe("markdown format", () => {
  it("opens with a summary table and puts each change in a collapsible section, replacements first", () => {
    const md = formatMarkdown(diff);
    expect(md).toContain("| resources | 1 | 1 | 1 | 1 | 1 |");
    expect(md.indexOf("replace <code>aws:ec2/vpc:Vpc</code>")).toBeLessThan(md.indexOf("update <code>aws:sns/topic:Topic</code>"));
    expect(md).toContain('- cidrBlock: "10.0.0.0/16"\n+ cidrBlock: "10.1.0.0/16"   # forces replacement');
  });

  it("cuts long sections and long comments with a count of what was left out", () => {
    const big = planOf(Array.from({ length: 30 }, (_, i) => ({ type: TOPIC, name: `t${i}`, inputs: Object.fromEntries(Array.from({ length: 50 }, (_, k) => [`k${k}`, k])) })));
    const md = formatMarkdown(diffPlans(planOf([]), big), { maxLinesPerResource: 10, maxChars: 4000 });
    expect(md).toContain("… 40 more lines cut");
    expect(md).toMatch(/… \d+ more changed resources not shown/);
    expect(md.length).toBeLessThan(4500);
  });

  it("says so when nothing changes", () => {
    expect(formatMarkdown(diffPlans(before, before))).toContain("No changes: 4 resources unchanged.");
  });
});

describe("secrets in diffs", () => {
  const secretPlan = (fingerprint: string) =>
    planOf([{ type: "kubernetes:core/v1:Secret", name: "db", inputs: { stringData: "[secret]" }, secretFingerprints: { stringData: fingerprint } }]);

  it("a changed secret shows as [secret] => [secret]; an unchanged one is not a change", () => {
    const changed = diffPlans(secretPlan("hmac-sha256:aaaa"), secretPlan("hmac-sha256:bbbb"));
    expect(formatText(changed)).toContain("~ stringData: [secret] => [secret]");
    expect([formatText(changed), formatJson(changed), formatMarkdown(changed)].join("")).not.toContain("hmac-sha256");
    expect(diffPlans(secretPlan("hmac-sha256:aaaa"), secretPlan("hmac-sha256:aaaa")).summary.same).toBe(2);
  });
});

describe("env vs env", () => {
  it("matches resources whose names and values differ only by the env name or account id", () => {
    const env = (stack: string, account: string) =>
      planOf([{ type: TOPIC, name: `alerts-${stack}`, inputs: { name: `shop-${stack}-alerts`, policy: `arn:aws:iam::${account}:root` } }], stack, account);
    const d = diffPlans(env("dev", "111111111111"), env("prod", "333333333333"));
    expect(d.steps.map((s) => s.op)).toEqual(["same", "same"]);
    expect(diffPlans(env("dev", "111111111111"), env("prod", "333333333333"), { normalizeEnv: false }).summary).toMatchObject({ create: 1, delete: 1 });
  });

  it("does not mistake an env name inside an unchanged value for a change (stackplan.dev in dev and prod)", () => {
    const env = (stack: string, labels: Record<string, string>) => planOf([{ type: TOPIC, name: "t", inputs: { tags: labels } }], stack);
    const labels = { "stackplan.dev/criticality": "critical", dev: "a", prod: "b" };
    expect(diffPlans(env("dev", labels), env("prod", labels)).summary.same).toBe(2);
  });
});

describe("replacement cascade", () => {
  it("replaces what depends on a replaced resource's unknown outputs through a create-only property", () => {
    const vpcUrn = urnOf("dev", VPC, "vpc");
    const plan = (cidr: string) =>
      planOf([
        { type: VPC, name: "vpc", inputs: { cidrBlock: cidr } },
        { type: SUBNET, name: "a", inputs: { cidrBlock: "10.0.0.0/24", vpcId: "[unknown]" }, propertyDependencies: { vpcId: [vpcUrn] } },
        { type: TOPIC, name: "t", inputs: { displayName: "[unknown]" }, propertyDependencies: { displayName: [vpcUrn] } },
      ]);
    const d = diffPlans(plan("10.0.0.0/16"), plan("10.9.0.0/16"));
    const op = (name: string) => d.steps.find((s) => s.name === name)!;
    expect(op("a").op).toBe("replace");
    expect(op("a").changes[0]).toMatchObject({ path: "vpcId", replaces: true, cause: 'depends on aws:ec2/vpc:Vpc "vpc" (replaced)' });
    expect(op("t").op).toBe("update");
  });
});
