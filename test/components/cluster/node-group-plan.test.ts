import { describe, expect, it } from "vitest";
import { guessArchitecture, planNodeGroups, type NodeGroupPlanInput } from "../../../components/cluster/node-group-plan";
import { nodeUserData } from "../../../components/cluster/user-data";
import { nodeGroupSpec } from "../../../src/spec/node-groups";
import { inputErrorOf } from "../../helpers";

const group = (g: Record<string, unknown>) => nodeGroupSpec.parse({ minSize: 2, maxSize: 4, desiredSize: 2, ...g });
const input = (groups: Record<string, Record<string, unknown>>, vpcCni = { prefixDelegation: false, customNetworking: false }): NodeGroupPlanInput => ({
  clusterName: "shop-dev",
  region: "us-east-1",
  account: "111111111111",
  vpcCni,
  azIds: ["use1-az1", "use1-az2"],
  nodeGroups: Object.fromEntries(Object.entries(groups).map(([k, g]) => [k, group(g)])),
});

const problemsOf = (fn: () => unknown) => inputErrorOf(fn).problems;

describe("node-group planner", () => {
  it("takes the smallest max pods over the group's instance types", () => {
    const [g] = planNodeGroups(input({ general: { instanceTypes: ["t3.large", "t3a.large", "m5.large"] } }));
    expect(g!.maxPods).toBe(29);
    expect(g!.maxPodsSource).toBe("computed");
    expect(Object.fromEntries(Object.entries(g!.maxPodsByType).map(([t, r]) => [t, r.maxPods]))).toEqual({ "t3.large": 35, "t3a.large": 35, "m5.large": 29 });
  });

  it("applies the cluster's prefix delegation to the computation", () => {
    const [g] = planNodeGroups(input({ general: { instanceTypes: ["m5.large"] } }, { prefixDelegation: true, customNetworking: false }));
    expect(g!.maxPods).toBe(110);
  });

  it("always labels nodes with stackplan.dev/node-group and keeps the spec's labels", () => {
    const [g] = planNodeGroups(input({ batch: { instanceTypes: ["c6i.large"], labels: { workload: "batch" } } }));
    expect(g!.labels).toEqual({ workload: "batch", "stackplan.dev/node-group": "batch" });
  });

  it("derives names, the IAM role ARN and the AMI type from the architecture", () => {
    const [x86, arm] = planNodeGroups(input({ general: { instanceTypes: ["m6i.large"] }, graviton: { instanceTypes: ["m7g.large", "c7g.large"] } }));
    expect(x86).toMatchObject({
      nodeGroupName: "general",
      role: { name: "shop-dev-ng-general", arn: "arn:aws:iam::111111111111:role/shop-dev-ng-general" },
      launchTemplateName: "shop-dev-ng-general",
      architecture: "x86_64",
      amiType: "AL2023_x86_64_STANDARD",
    });
    expect(arm).toMatchObject({ architecture: "arm64", amiType: "AL2023_ARM_64_STANDARD" });
    expect(x86!.role.managedPolicyArns).toEqual([
      "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
      "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
      "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
      "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
    ]);
  });

  it("spreads a group over the network's AZs, or the ones it names, in the private tier", () => {
    const [all, one] = planNodeGroups(input({ a: { instanceTypes: ["m5.large"] }, b: { instanceTypes: ["m5.large"], azIds: ["use1-az2"] } }));
    expect(all!.subnetKeys).toEqual(["private-use1-az1", "private-use1-az2"]);
    expect(one!.subnetKeys).toEqual(["private-use1-az2"]);
  });

  it("writes maxPods into an AL2023 NodeConfig in MIME user data", () => {
    const [g] = planNodeGroups(input({ general: { instanceTypes: ["m5.large"] } }));
    expect(g!.userData).toBe(nodeUserData(29));
    expect(g!.userData).toBe(
      [
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="//"',
        "",
        "--//",
        "Content-Type: application/node.eks.aws",
        "",
        "apiVersion: node.eks.aws/v1alpha1",
        "kind: NodeConfig",
        "spec:",
        "  kubelet:",
        "    config:",
        "      maxPods: 29",
        "",
        "--//--",
        "",
      ].join("\n"),
    );
  });

  it("refuses an unknown instance type unless the group gives maxPods", () => {
    expect(problemsOf(() => planNodeGroups(input({ gpu: { instanceTypes: ["m5.large", "g5.xlarge"] } })))).toEqual([
      {
        path: "nodeGroups.gpu.instanceTypes[1]",
        message: expect.stringMatching(/^unknown instance type "g5.xlarge": stackplan knows the .* families; set nodeGroups.gpu.maxPods to use it$/),
      },
    ]);
    const [g] = planNodeGroups(input({ gpu: { instanceTypes: ["g5.xlarge"], maxPods: 58 } }));
    expect(g).toMatchObject({ maxPods: 58, maxPodsSource: "spec", architecture: "x86_64" });
  });

  it("suggests the type meant by a typo", () => {
    expect(problemsOf(() => planNodeGroups(input({ a: { instanceTypes: ["m5.lrage"] } })))[0]!.message).toContain('(did you mean m5.large?)');
  });

  it("refuses a group that mixes architectures", () => {
    expect(problemsOf(() => planNodeGroups(input({ mixed: { instanceTypes: ["m6i.large", "m6g.large"] } })))).toEqual([
      {
        path: "nodeGroups.mixed.instanceTypes",
        message: "mixes architectures x86_64 (m6i.large) and arm64 (m6g.large); a node group has one AMI type, split it into two groups",
      },
    ]);
  });

  it("refuses a maxPods above what the instance types can address", () => {
    expect(problemsOf(() => planNodeGroups(input({ a: { instanceTypes: ["m5.large"], maxPods: 60 } })))[0]).toEqual({
      path: "nodeGroups.a.maxPods",
      message: "maxPods 60 is above what m5.large allows (29: 3 × (10 − 1) + 2 = 29, EKS cap 110); pods beyond it get no IP",
    });
    expect(planNodeGroups(input({ a: { instanceTypes: ["m5.large"], maxPods: 20 } }))[0]!.maxPods).toBe(20);
  });

  it("refuses AZ IDs outside the network and a foreign node-group label, all at once", () => {
    const problems = problemsOf(() =>
      planNodeGroups(input({ a: { instanceTypes: ["m5.large"], azIds: ["use1-az6"], labels: { "stackplan.dev/node-group": "b" } } })),
    );
    expect(problems.map((p) => p.path)).toEqual(["nodeGroups.a.azIds[0]", 'nodeGroups.a.labels["stackplan.dev/node-group"]']);
  });

  it.each([
    ["m7gd.large", "arm64"],
    ["c6gn.xlarge", "arm64"],
    ["a1.large", "arm64"],
    ["x2gd.large", "arm64"],
    ["g5.xlarge", "x86_64"],
    ["m7a.large", "x86_64"],
  ])("guesses %s is %s", (type, arch) => {
    expect(guessArchitecture(type)).toBe(arch);
  });
});
