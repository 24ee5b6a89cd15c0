import { beforeAll, describe, expect, it } from "vitest";
import { installMocks, settle, type MockSession } from "../../src/plan/mock-runtime";
import { planResources } from "../../src/plan/plan-resources";
import type { PlanResource } from "../../src/plan/types";

describe("offline mock runtime", () => {
  let session: MockSession;
  let resources: PlanResource[];

  beforeAll(async () => {
    session = await installMocks({ project: "proj", stack: "dev" });
    const pulumi = await import("@pulumi/pulumi");
    const aws = await import("@pulumi/aws");
    class Net extends pulumi.ComponentResource {
      constructor(name: string, provider: InstanceType<typeof aws.Provider>) {
        super("test:net:Net", name, {}, {});
        const vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: "10.0.0.0/16" }, { parent: this, provider });
        new aws.ec2.Subnet(`${name}-a`, { vpcId: vpc.id, cidrBlock: vpc.cidrBlock, tags: { secret: pulumi.secret("s3cr3t") } }, { parent: this, provider });
        this.registerOutputs({ vpcCidr: "10.0.0.0/16" });
      }
    }
    const provider = new aws.Provider("aws", { region: "us-east-1" });
    new Net("core", provider);
    new aws.s3.Bucket("logs", {});
    await settle();
    resources = planResources(session);
  });

  const byName = (n: string) => resources.find((r) => r.name === n)!;

  it("synthesizes the stack resource first and parents top-level resources to it", () => {
    expect(resources[0]!.urn).toBe("urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev");
    expect(byName("core").parent).toBe(resources[0]!.urn);
  });

  it("builds URNs from the parent type chain, as the engine does", () => {
    expect(byName("core-vpc").urn).toBe("urn:pulumi:dev::proj::test:net:Net$aws:ec2/vpc:Vpc::core-vpc");
    expect(byName("core-vpc").parent).toBe("urn:pulumi:dev::proj::test:net:Net::core");
  });

  it("records dependencies, property dependencies and the explicit provider", () => {
    const subnet = byName("core-a");
    expect(subnet.dependencies).toEqual([byName("core-vpc").urn]);
    expect(subnet.propertyDependencies.vpcId).toEqual([byName("core-vpc").urn]);
    expect(subnet.provider).toBe(byName("aws").urn);
  });

  it("shows ids as unknown and inputs echoed from upstream inputs as known", () => {
    expect(byName("core-a").inputs.vpcId).toBe("[unknown]");
    expect(byName("core-a").inputs.cidrBlock).toBe("10.0.0.0/16");
  });

  it("masks secrets and remembers where they were", () => {
    expect(byName("core-a").inputs.tags).toEqual({ secret: "[secret]" });
    expect(byName("core-a").secretPaths).toEqual(["tags.secret"]);
    expect(JSON.stringify(resources)).not.toContain("s3cr3t");
  });

  it("makes default providers explicit with their package version", () => {
    const bucket = byName("logs");
    expect(bucket.provider).toMatch(/^urn:pulumi:dev::proj::pulumi:providers:aws::default_\d+_\d+_\d+$/);
    expect(resources.some((r) => r.urn === bucket.provider)).toBe(true);
  });

  it("keeps component outputs", () => {
    expect(byName("core").outputs).toEqual({ vpcCidr: "10.0.0.0/16" });
  });
});

describe("offline URNs of nested components", () => {
  it("chain every ancestor type, as the engine does (the mock keeps only the last)", async () => {
    const { planResources: plan } = await import("../../src/plan/plan-resources");
    const session: MockSession = {
      project: "p",
      stack: "s",
      records: [
        { type: "a:b:Outer", name: "o", custom: false, urn: "urn:pulumi:s::p::a:b:Outer::o", parent: "", dependencies: [], propertyDependencies: {}, provider: "", protect: false, inputs: {} },
        { type: "a:b:Inner", name: "i", custom: false, urn: "urn:pulumi:s::p::a:b:Outer$a:b:Inner::i", parent: "urn:pulumi:s::p::a:b:Outer::o", dependencies: [], propertyDependencies: {}, provider: "", protect: false, inputs: {} },
        { type: "aws:s3/bucket:Bucket", name: "b", custom: true, urn: "urn:pulumi:s::p::a:b:Inner$aws:s3/bucket:Bucket::b", parent: "urn:pulumi:s::p::a:b:Outer$a:b:Inner::i", dependencies: ["urn:pulumi:s::p::a:b:Outer$a:b:Inner::i"], propertyDependencies: {}, provider: "", protect: false, inputs: { ref: "urn:pulumi:s::p::a:b:Outer$a:b:Inner::i" } },
      ],
    };
    const bucket = plan(session).find((r) => r.name === "b")!;
    expect(bucket.urn).toBe("urn:pulumi:s::p::a:b:Outer$a:b:Inner$aws:s3/bucket:Bucket::b");
    expect(bucket.parent).toBe("urn:pulumi:s::p::a:b:Outer$a:b:Inner::i");
    expect(bucket.dependencies).toEqual(["urn:pulumi:s::p::a:b:Outer$a:b:Inner::i"]);
  });
});
