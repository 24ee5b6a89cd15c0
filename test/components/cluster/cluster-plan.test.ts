import { describe, expect, it } from "vitest";
import { planCluster, vpcCniConfiguration } from "../../../components/cluster/cluster-plan";
import { kubeconfig } from "../../../components/cluster/kubeconfig";
import { clusterSpec } from "../../../src/spec/cluster";
import { InputError } from "../../../src/util/errors";

const ADDONS = {
  "vpc-cni": { version: "v1.20.4-eksbuild.1" },
  "kube-proxy": { version: "v1.34.1-eksbuild.2" },
  coredns: { version: "v1.12.4-eksbuild.1" },
  "aws-ebs-csi-driver": { version: "v1.50.1-eksbuild.1" },
  "amazon-cloudwatch-observability": { version: "v4.6.0-eksbuild.1" },
};
const spec = (extra: Record<string, unknown> = {}) => clusterSpec.parse({ name: "shop-prod", version: "1.34", addons: ADDONS, ...extra });
const plan = (extra: Record<string, unknown> = {}) => planCluster({ cluster: spec(extra), region: "us-east-1", account: "333333333333" });

describe("cluster planner", () => {
  it("names the control plane's role and log group, the latter in the security tier", () => {
    const p = plan();
    expect(p.name).toBe("shop-prod");
    expect(p.role).toEqual({
      name: "shop-prod-cluster",
      arn: "arn:aws:iam::333333333333:role/shop-prod-cluster",
      managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"],
    });
    expect(p.logGroup).toEqual({
      key: "control-plane",
      name: "/aws/eks/shop-prod/cluster",
      arn: "arn:aws:logs:us-east-1:333333333333:log-group:/aws/eks/shop-prod/cluster",
      tier: "security",
      retentionInDays: 365,
    });
    expect(p.secretsEncryption).toEqual({ aliasName: "alias/shop-prod-secrets", deletionWindowInDays: 30 });
  });

  it("installs the CNI and kube-proxy before the nodes and everything else after them", () => {
    expect(plan().addons.map((a) => `${a.name}:${a.needsNodes ? "after" : "before"}`)).toEqual([
      "amazon-cloudwatch-observability:after",
      "aws-ebs-csi-driver:after",
      "coredns:after",
      "kube-proxy:before",
      "vpc-cni:before",
    ]);
  });

  it("gives the EBS CSI driver and the CloudWatch agent IRSA roles for their service accounts", () => {
    const byName = Object.fromEntries(plan().addons.map((a) => [a.name, a]));
    expect(byName["aws-ebs-csi-driver"]!.irsa).toEqual({
      role: {
        name: "shop-prod-ebs-csi",
        arn: "arn:aws:iam::333333333333:role/shop-prod-ebs-csi",
        managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"],
      },
      namespace: "kube-system",
      serviceAccount: "ebs-csi-controller-sa",
    });
    expect(byName["amazon-cloudwatch-observability"]!.irsa).toMatchObject({
      role: { managedPolicyArns: ["arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy", "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"] },
      namespace: "amazon-cloudwatch",
      serviceAccount: "cloudwatch-agent",
    });
    expect(byName.coredns!.irsa).toBeUndefined();
  });

  it("pre-creates the Container Insights log groups with tiers", () => {
    const cw = plan().addons.find((a) => a.name === "amazon-cloudwatch-observability")!;
    expect(cw.logGroups.map((l) => `${l.name} ${l.tier} ${l.retentionInDays}`)).toEqual([
      "/aws/containerinsights/shop-prod/application application 90",
      "/aws/containerinsights/shop-prod/dataplane application 90",
      "/aws/containerinsights/shop-prod/host application 90",
      "/aws/containerinsights/shop-prod/performance debug 7",
    ]);
  });

  it("configures the VPC CNI from cluster.vpcCni, the add-on's own env winning", () => {
    const cni = plan({ vpcCni: { prefixDelegation: true, customNetworking: true } }).addons.find((a) => a.name === "vpc-cni")!;
    expect(JSON.parse(cni.configurationValues!)).toEqual({
      env: { ENABLE_PREFIX_DELEGATION: "true", AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: "true", ENI_CONFIG_LABEL_DEF: "topology.k8s.aws/zone-id" },
    });
    expect(vpcCniConfiguration({ env: { ENABLE_PREFIX_DELEGATION: "false" }, init: {} }, { prefixDelegation: true, customNetworking: false })).toEqual({
      env: { ENABLE_PREFIX_DELEGATION: "false" },
      init: {},
    });
    expect(plan().addons.find((a) => a.name === "vpc-cni")!.configurationValues).toBeUndefined();
  });

  it("requires the core add-ons and IAM role names within 64 characters", () => {
    let err: unknown;
    try {
      planCluster({ cluster: clusterSpec.parse({ name: `c${"x".repeat(60)}`, version: "1.34", addons: { coredns: ADDONS.coredns } }), region: "us-east-1", account: "1" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map((p) => p.path)).toEqual(["cluster.addons.vpc-cni", "cluster.addons.kube-proxy", "cluster.name"]);
  });
});

describe("kubeconfig", () => {
  it("authenticates with aws eks get-token and holds no credential", () => {
    const cfg = JSON.parse(kubeconfig({ clusterName: "shop-prod", region: "us-east-1", endpoint: "https://x.eks.amazonaws.com", certificateAuthorityData: "Q0E=" }));
    expect(cfg.users[0].user).toEqual({
      exec: {
        apiVersion: "client.authentication.k8s.io/v1beta1",
        command: "aws",
        args: ["eks", "get-token", "--cluster-name", "shop-prod", "--region", "us-east-1", "--output", "json"],
        interactiveMode: "Never",
      },
    });
    expect(cfg.clusters[0].cluster).toEqual({ server: "https://x.eks.amazonaws.com", "certificate-authority-data": "Q0E=" });
    expect(cfg["current-context"]).toBe("shop-prod");
  });
});
