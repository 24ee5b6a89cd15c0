import { beforeAll, describe, expect, it } from "vitest";
import { AWS_PROVIDER_URN, COMMON_COUNTS, decodeUserData, renderTopology, type RenderedTopology } from "./topology-harness";

const NETWORK = "urn:pulumi:prod::shop-platform::stackplan:network:Network::shop";
const CLUSTER = "urn:pulumi:prod::shop-platform::stackplan:cluster:Cluster::shop";
const OBSERVABILITY = "urn:pulumi:prod::shop-platform::stackplan:observability:Observability::shop";
const AZS = ["use1-az1", "use1-az2", "use1-az4"];

describe("prod topology under the offline mocks", () => {
  let t: RenderedTopology;
  const names = (type: string) => t.ofType(type).map((r) => r.name).sort();

  beforeAll(async () => {
    t = await renderTopology("prod");
    console.log(`prod topology: ${t.resources.length} resources in ${Math.round(t.elapsedMs)} ms`);
  });

  it("registers exactly these resources", () => {
    expect(t.countByType()).toEqual({
      ...COMMON_COUNTS,
      "aws:ec2/eip:Eip": 3,
      "aws:ec2/natGateway:NatGateway": 3,
      "aws:ec2/route:Route": 4,
      "aws:ec2/routeTable:RouteTable": 5,
      "aws:ec2/routeTableAssociation:RouteTableAssociation": 9,
      "aws:ec2/subnet:Subnet": 9,
      "aws:ec2/vpcEndpoint:VpcEndpoint": 6,
    });
  });

  it("parents every AWS resource to its component and manages it with the explicit provider", () => {
    const generalGroup = "urn:pulumi:prod::shop-platform::stackplan:cluster:Cluster$stackplan:cluster:NodeGroup::shop-ng-general";
    for (const r of t.resources.filter((r) => r.type.startsWith("aws:"))) {
      expect(r.provider, r.name).toBe(AWS_PROVIDER_URN("prod"));
      expect(r.parent, r.name).toMatch(/stackplan:(network:Network|cluster:Cluster|cluster:NodeGroup|observability:Observability)::shop/);
    }
    expect(t.byName("shop-ng-general", "stackplan:cluster:NodeGroup").urn).toBe(generalGroup);
    expect(t.byName("shop-ng-general", "stackplan:cluster:NodeGroup").parent).toBe(CLUSTER);
    expect(t.byName("shop-ng-general-group").parent).toBe(generalGroup);
    expect(t.byName("shop-vpc").parent).toBe(NETWORK);
    expect(t.byName("shop-eks").parent).toBe(CLUSTER);
    expect(t.byName("shop-alarms").parent).toBe(OBSERVABILITY);
  });

  it("places three subnet tiers by AZ ID with CIDRs from the allocator and EKS tags", () => {
    expect(names("aws:ec2/subnet:Subnet")).toEqual(["data", "private", "public"].flatMap((tier) => AZS.map((az) => `shop-${tier}-${az}`)));
    const subnet = (n: string) => t.byName(n).inputs;
    expect(subnet("shop-private-use1-az4")).toEqual({
      availabilityZoneId: "use1-az4",
      cidrBlock: "10.30.64.0/19",
      mapPublicIpOnLaunch: false,
      tags: { Name: "shop-prod-private-use1-az4", "kubernetes.io/cluster/shop-prod": "shared", "kubernetes.io/role/internal-elb": "1", "stackplan:subnet-tier": "private" },
      vpcId: "[unknown]",
    });
    expect(subnet("shop-public-use1-az1").cidrBlock).toBe("10.30.128.0/24");
    expect(subnet("shop-public-use1-az1").tags).toMatchObject({ "kubernetes.io/role/elb": "1" });
    expect(subnet("shop-data-use1-az2")).toMatchObject({ cidrBlock: "10.30.133.0/24", tags: { Name: "shop-prod-data-use1-az2", "stackplan:subnet-tier": "data" } });
    expect(t.ofType("aws:ec2/subnet:Subnet").every((s) => s.inputs.availabilityZone === undefined)).toBe(true);
  });

  it("runs one NAT gateway per AZ in that AZ's public subnet and routes each private table through it", () => {
    for (const az of AZS) {
      const nat = t.byName(`shop-nat-${az}`);
      expect(nat.propertyDependencies.subnetId).toEqual([t.urnOf(`shop-public-${az}`)]);
      expect(nat.dependencies).toContain(t.urnOf("shop-igw"));
      expect(t.byName(`shop-rt-private-${az}-default`).propertyDependencies.natGatewayId).toEqual([nat.urn]);
    }
    expect(t.byName("shop-rt-public-default").propertyDependencies.gatewayId).toEqual([t.urnOf("shop-igw")]);
    expect(names("aws:ec2/route:Route")).not.toContain("shop-rt-data-default");
  });

  it("adds gateway endpoints to the private and data tables and interface endpoints behind a 443-from-VPC group", () => {
    const s3 = t.byName("shop-vpce-s3");
    expect(s3.inputs).toMatchObject({ serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway" });
    expect(s3.propertyDependencies.routeTableIds).toEqual(
      [...AZS.map((az) => t.urnOf(`shop-rt-private-${az}`)), t.urnOf("shop-rt-data")].sort(),
    );
    expect(names("aws:ec2/vpcEndpoint:VpcEndpoint")).toEqual(["shop-vpce-dynamodb", "shop-vpce-ecr-api", "shop-vpce-ecr-dkr", "shop-vpce-logs", "shop-vpce-s3", "shop-vpce-sts"]);
    expect(t.byName("shop-vpce-ecr-api").inputs).toMatchObject({ vpcEndpointType: "Interface", privateDnsEnabled: true });
    expect(t.byName("shop-vpce-sg").inputs.ingress).toEqual([
      { cidrBlocks: ["10.30.0.0/16"], description: "HTTPS from the VPC", fromPort: 443, protocol: "tcp", toPort: 443 },
    ]);
  });

  it("creates the control-plane log group first, in the security tier, and the cluster after it", () => {
    const logs = t.byName("shop-logs");
    expect(logs.inputs).toEqual({ name: "/aws/eks/shop-prod/cluster", retentionInDays: 365, tags: { Name: "/aws/eks/shop-prod/cluster", "stackplan:tier": "security" } });
    const eks = t.byName("shop-eks");
    expect(eks.dependencies).toContain(logs.urn);
    expect(eks.inputs).toMatchObject({
      name: "shop-prod",
      version: "1.34",
      roleArn: "arn:aws:iam::333333333333:role/shop-prod-cluster",
      enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
      accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true },
      bootstrapSelfManagedAddons: false,
      encryptionConfig: { provider: { keyArn: "[unknown]" }, resources: ["secrets"] },
      vpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: false, subnetIds: ["[unknown]", "[unknown]", "[unknown]"] },
    });
    expect((eks.inputs.vpcConfig as Record<string, unknown>).publicAccessCidrs).toBeUndefined();
    expect(eks.propertyDependencies["vpcConfig"]).toEqual(AZS.map((az) => t.urnOf(`shop-private-${az}`)).sort());
    expect(t.byName("shop-secrets-key").inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30 });
  });

  it("tags every log group with its tier and the tier's retention", () => {
    const retention = { security: 365, application: 90, debug: 7 } as Record<string, number>;
    const groups = t.ofType("aws:cloudwatch/logGroup:LogGroup").map((r) => [r.inputs.name, (r.inputs.tags as Record<string, string>)["stackplan:tier"], r.inputs.retentionInDays]);
    expect(groups.sort()).toEqual([
      ["/aws/containerinsights/shop-prod/application", "application", 90],
      ["/aws/containerinsights/shop-prod/dataplane", "application", 90],
      ["/aws/containerinsights/shop-prod/host", "application", 90],
      ["/aws/containerinsights/shop-prod/performance", "debug", 7],
      ["/aws/eks/shop-prod/cluster", "security", 365],
      ["/aws/vpc-flow-logs/shop-prod", "security", 365],
      ["/shop/prod/application", "application", 90],
      ["/shop/prod/audit", "security", 365],
      ["/shop/prod/debug", "debug", 7],
    ]);
    for (const [, tier, days] of groups) expect(days).toBe(retention[tier as string]);
  });

  it("installs vpc-cni and kube-proxy before the nodes and the other add-ons after them", () => {
    const groupUrns = ["shop-ng-general-group", "shop-ng-batch-group"].map((n) => t.urnOf(n));
    for (const early of ["vpc-cni", "kube-proxy"]) {
      const addon = t.byName(`shop-addon-${early}`);
      expect(addon.dependencies).toEqual([t.urnOf("shop-eks")]);
      for (const g of groupUrns) expect(t.resources.find((r) => r.urn === g)!.dependencies).toContain(addon.urn);
    }
    for (const late of ["coredns", "aws-ebs-csi-driver", "amazon-cloudwatch-observability"]) {
      expect(t.byName(`shop-addon-${late}`).dependencies).toEqual(expect.arrayContaining(groupUrns));
    }
    expect(t.byName("shop-addon-aws-ebs-csi-driver").inputs).toMatchObject({
      addonVersion: "v1.50.1-eksbuild.1",
      serviceAccountRoleArn: "arn:aws:iam::333333333333:role/shop-prod-ebs-csi",
    });
    expect(t.byName("shop-addon-amazon-cloudwatch-observability").dependencies).toContain(t.urnOf("shop-logs-ci-application"));
    expect(t.byName("shop-irsa-aws-ebs-csi-driver").propertyDependencies.assumeRolePolicy).toEqual([t.urnOf("shop-eks"), t.urnOf("shop-oidc")]);
  });

  it("builds managed node groups with labels, AMI type, scaling, private subnets and a max-pods launch template", () => {
    const general = t.byName("shop-ng-general-group");
    expect(general.inputs).toMatchObject({
      clusterName: "shop-prod",
      nodeGroupName: "general",
      version: "1.34",
      amiType: "AL2023_x86_64_STANDARD",
      capacityType: "ON_DEMAND",
      instanceTypes: ["m6i.large", "m5.large"],
      labels: { "stackplan.dev/node-group": "general", workload: "general" },
      scalingConfig: { minSize: 3, desiredSize: 6, maxSize: 15 },
      nodeRoleArn: "arn:aws:iam::333333333333:role/shop-prod-ng-general",
      launchTemplate: { name: "shop-prod-ng-general", version: "[unknown]" },
    });
    expect(general.propertyDependencies.subnetIds).toEqual(AZS.map((az) => t.urnOf(`shop-private-${az}`)).sort());
    expect(t.byName("shop-ng-batch-group").inputs.taints).toEqual([{ effect: "NO_SCHEDULE", key: "workload", value: "batch" }]);
    expect(decodeUserData(t.byName("shop-ng-general-lt"))).toContain("      maxPods: 29\n");
    expect(decodeUserData(t.byName("shop-ng-batch-lt"))).toContain("      maxPods: 58\n");
    expect(t.byName("shop-ng-general-lt").inputs.metadataOptions).toEqual({ httpEndpoint: "enabled", httpPutResponseHopLimit: 2, httpTokens: "required" });
    expect(names("aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((n) => n.startsWith("shop-ng-general-"))).toEqual([
      "shop-ng-general-role-AmazonEC2ContainerRegistryReadOnly",
      "shop-ng-general-role-AmazonEKSWorkerNodePolicy",
      "shop-ng-general-role-AmazonEKS_CNI_Policy",
      "shop-ng-general-role-AmazonSSMManagedInstanceCore",
    ]);
  });

  it("names every IAM role <cluster>-<purpose>", () => {
    expect(t.ofType("aws:iam/role:Role").map((r) => r.inputs.name).sort()).toEqual([
      "shop-prod-cloudwatch-agent",
      "shop-prod-cluster",
      "shop-prod-ebs-csi",
      "shop-prod-ng-batch",
      "shop-prod-ng-general",
      "shop-prod-vpc-flow-logs",
    ]);
  });

  it("makes the Kubernetes provider wait for every add-on, with no credential in its inputs", () => {
    const k8s = t.byName("shop-k8s");
    expect(k8s.parent).toBe(CLUSTER);
    expect(k8s.dependencies).toEqual(expect.arrayContaining(t.ofType("aws:eks/addon:Addon").map((a) => a.urn)));
    expect(k8s.inputs).toEqual({ enableServerSideApply: "true", kubeconfig: "[unknown]" });
  });

  it("gives alarms their tier's period and tag, and composite rules real alarm names", () => {
    const alarms = t.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").map((r) => [r.inputs.name, r.inputs.period, r.inputs.tags]);
    expect(alarms.sort()).toEqual([
      ["shop-prod-checkout-errors", 60, { "stackplan:tier": "critical" }],
      ["shop-prod-node-cpu", 300, { "stackplan:tier": "important" }],
      ["shop-prod-node-disk", 900, { "stackplan:tier": "nice-to-have" }],
      ["shop-prod-node-failures", 60, { "stackplan:tier": "critical" }],
      ["shop-prod-pod-restarts", 300, { "stackplan:tier": "important" }],
    ]);
    expect(t.byName("shop-alarm-node-cpu").inputs).toMatchObject({ alarmActions: ["arn:aws:sns:us-east-1:333333333333:shop-prod-alarms"], dimensions: { ClusterName: "shop-prod" } });
    expect(t.byName("shop-composite-shop-degraded").inputs.alarmRule).toBe('ALARM("shop-prod-checkout-errors") OR ALARM("shop-prod-node-failures")');
    expect(t.byName("shop-alarms").inputs).toEqual({ kmsMasterKeyId: "alias/shop-prod-alarms", name: "shop-prod-alarms", tags: { Name: "shop-prod-alarms" } });
  });

  it("extracts custom metrics with filters named <prefix>/<tier>/<key> and lists the catalogue", () => {
    expect(t.ofType("aws:cloudwatch/logMetricFilter:LogMetricFilter").map((r) => r.inputs.name).sort()).toEqual([
      "shop-prod/critical/checkout-errors",
      "shop-prod/important/orders-placed",
    ]);
    expect(t.byName("shop", "stackplan:observability:Observability").outputs!.metricCatalogue).toEqual([
      { filterName: "shop-prod/critical/checkout-errors", highResolution: false, key: "checkout-errors", logGroup: "/shop/prod/application", metric: "Errors", namespace: "Shop/Checkout", tier: "critical" },
      { filterName: "shop-prod/important/orders-placed", highResolution: false, key: "orders-placed", logGroup: "/shop/prod/application", metric: "OrdersPlaced", namespace: "Shop/Business", tier: "important" },
    ]);
  });

  it("hands the workloads the cluster, the node groups and the stack outputs", () => {
    const { infra } = t;
    expect(infra.cluster.name).toBe("shop-prod");
    expect(infra.vpcCidr).toBe("10.30.0.0/16");
    expect(infra.azIds).toEqual(AZS);
    expect(infra.nodeGroups.batch).toMatchObject({ maxPods: 58, minSize: 3, maxSize: 6, labels: { "stackplan.dev/node-group": "batch" } });
    expect(Object.keys(infra.outputs).sort()).toEqual([
      "alarmTopicArn", "azIds", "clusterEndpoint", "clusterName", "clusterVersion", "dataSubnetIds",
      "nodeGroupMaxPods", "oidcProviderArn", "privateSubnetIds", "publicSubnetIds", "vpcCidr", "vpcId",
    ]);
    expect(infra.outputs.nodeGroupMaxPods).toEqual({ general: 29, batch: 58 });
  });
});
