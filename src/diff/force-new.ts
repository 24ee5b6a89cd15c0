/**
 * Create-only ("force new") input properties: changing one makes the provider replace the
 * resource instead of updating it in place. Data only; replacement.ts applies it.
 *
 * Paths use Pulumi's (camelCase) input names, `.` into objects and `[*]` for any list item. A
 * Terraform block with MaxItems 1 (`vpc_config`) is an object in Pulumi (`vpcConfig`). A rule
 * matches a change at its path or below it, and a change of a parent that alters the value at
 * the rule's path.
 *
 * Sources:
 * - AWS: the `ForceNew: true` attributes (and `customdiff.ForceNewIf*`) of the resource schemas
 *   in hashicorp/terraform-provider-aws `internal/service/<service>/<resource>.go`, the provider
 *   @pulumi/aws 7.x bridges. Not force new, checked: `vpcConfig.subnetIds` and
 *   `vpcConfig.securityGroupIds` of an EKS cluster (updated in place by UpdateClusterConfig),
 *   the cluster `version`, node-group `scalingConfig`, `labels`, `taints`, `version`,
 *   `launchTemplate.version`, add-on `addonVersion`, log-group `retentionInDays`, IAM role
 *   `assumeRolePolicy`, KMS key `deletionWindowInDays`.
 * - Kubernetes: pulumi/pulumi-kubernetes `provider/pkg/provider/diff.go` (`forceNew` and
 *   `forceNewProperties`), which the provider's Diff uses for every typed resource.
 */

export interface ForceNewRule {
  readonly path: string;
  /**
   * Only some changes force replacement:
   * - `removed`: only removing the value (EKS: encryption cannot be turned off once on);
   * - `changed-from-set`: only changing a value that was set (adding one is in place).
   */
  readonly when?: "removed" | "changed-from-set";
  /**
   * Kubernetes ConfigMap/Secret data: in place when the provider sets this flag (and the object
   * is not `immutable: true`); replaced otherwise, the provider's default.
   */
  readonly mutableWithProviderFlag?: "enableConfigMapMutable" | "enableSecretMutable";
}

export type ForceNewEntry = string | ForceNewRule;

/** Rules for every resource of a package (matched by the type's `<package>:` prefix). */
export const FORCE_NEW_BY_PACKAGE: Readonly<Record<string, readonly ForceNewEntry[]>> = {
  // AWS provider 7 (Terraform AWS 6): the per-resource `region` argument recreates the resource.
  aws: ["region"],
  // Changing an object's identity always replaces it (diff.go: metadataForceNewProperties).
  kubernetes: ["metadata.name", "metadata.namespace"],
};

const labelSelector = (prefix: string) => [prefix];
const podSpec = (prefix: string): string[] => [
  ...[
    "affinity", "automountServiceAccountToken", "dnsConfig", "dnsPolicy", "enableServiceLinks", "hostAliases", "hostIPC",
    "hostNetwork", "hostPID", "hostname", "imagePullSecrets", "nodeName", "nodeSelector", "overhead", "preemptionPolicy",
    "priority", "priorityClassName", "readinessGates", "restartPolicy", "runtimeClassName", "schedulerName", "securityContext",
    "serviceAccount", "serviceAccountName", "shareProcessNamespace", "subdomain", "terminationGracePeriodSeconds", "volumes",
  ].map((p) => `${prefix}.${p}`),
  ...["containers", "initContainers"].flatMap((list) =>
    [
      "args", "command", "env", "image", "imagePullPolicy", "lifecycle", "livenessProbe", "ports", "readinessProbe", "resources",
      "securityContext", "stdin", "stdinOnce", "terminationMessagePath", "terminationMessagePolicy", "tty", "volumeDevices",
      "volumeMounts", "workingDir",
    ].map((p) => `${prefix}.${list}[*].${p}`),
  ),
];

/** Rules per resource type token. */
export const FORCE_NEW: Readonly<Record<string, readonly ForceNewEntry[]>> = {
  // ── EC2 / VPC (internal/service/ec2) ─────────────────────────────────────────────────────
  "aws:ec2/vpc:Vpc": ["cidrBlock", "ipv4IpamPoolId", "ipv4NetmaskLength"],
  "aws:ec2/subnet:Subnet": ["availabilityZone", "availabilityZoneId", "cidrBlock", "ipv6Native", "outpostArn", "vpcId"],
  "aws:ec2/natGateway:NatGateway": ["allocationId", "connectivityType", "privateIp", "subnetId"],
  "aws:ec2/eip:Eip": ["address", "customerOwnedIpv4Pool", "domain", "ipamPoolId", "networkBorderGroup", "publicIpv4Pool"],
  "aws:ec2/routeTable:RouteTable": ["vpcId"],
  "aws:ec2/route:Route": ["destinationCidrBlock", "destinationIpv6CidrBlock", "destinationPrefixListId", "routeTableId"],
  "aws:ec2/routeTableAssociation:RouteTableAssociation": ["gatewayId", "subnetId"],
  "aws:ec2/securityGroup:SecurityGroup": ["description", "name", "namePrefix", "vpcId"],
  "aws:ec2/securityGroupRule:SecurityGroupRule": [
    "cidrBlocks", "fromPort", "ipv6CidrBlocks", "prefixListIds", "protocol", "securityGroupId", "self", "sourceSecurityGroupId", "toPort", "type",
  ],
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ["securityGroupId"],
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": ["securityGroupId"],
  "aws:ec2/vpcEndpoint:VpcEndpoint": ["resourceConfigurationArn", "serviceName", "serviceNetworkArn", "serviceRegion", "vpcEndpointType", "vpcId"],
  "aws:ec2/flowLog:FlowLog": [
    "deliverCrossAccountRole", "destinationOptions", "eniId", "iamRoleArn", "logDestination", "logDestinationType", "logFormat",
    "maxAggregationInterval", "subnetId", "trafficType", "transitGatewayAttachmentId", "transitGatewayId", "vpcId",
  ],
  // ── EKS (internal/service/eks) ───────────────────────────────────────────────────────────
  "aws:eks/cluster:Cluster": [
    "name",
    "roleArn",
    "bootstrapSelfManagedAddons",
    "accessConfig.bootstrapClusterCreatorAdminPermissions",
    "kubernetesNetworkConfig.ipFamily",
    "kubernetesNetworkConfig.serviceIpv4Cidr",
    "outpostConfig.controlPlaneInstanceType",
    "outpostConfig.controlPlanePlacement.groupName",
    "remoteNetworkConfig",
    // customdiff.ForceNewIfChange: "You cannot disable envelope encryption after enabling it."
    { path: "encryptionConfig", when: "removed" },
    // Only when an existing Auto Mode node role changes, not when one is added.
    { path: "computeConfig.nodeRoleArn", when: "changed-from-set" },
  ],
  "aws:eks/nodeGroup:NodeGroup": [
    "amiType", "capacityType", "clusterName", "diskSize", "instanceTypes", "launchTemplate.id", "launchTemplate.name",
    "nodeGroupName", "nodeGroupNamePrefix", "nodeRoleArn", "remoteAccess", "subnetIds",
  ],
  "aws:eks/addon:Addon": ["addonName", "clusterName"],
  "aws:eks/accessEntry:AccessEntry": ["clusterName", "principalArn", "type"],
  "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": ["accessScope", "clusterName", "policyArn", "principalArn"],
  "aws:eks/podIdentityAssociation:PodIdentityAssociation": ["clusterName", "namespace", "serviceAccount"],
  "aws:eks/fargateProfile:FargateProfile": ["clusterName", "fargateProfileName", "podExecutionRoleArn", "selectors", "subnetIds"],
  // ── IAM (internal/service/iam) ───────────────────────────────────────────────────────────
  "aws:iam/role:Role": ["name", "namePrefix", "path"],
  "aws:iam/policy:Policy": ["description", "name", "namePrefix", "path"],
  "aws:iam/rolePolicy:RolePolicy": ["name", "namePrefix", "role"],
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": ["policyArn", "role"],
  "aws:iam/instanceProfile:InstanceProfile": ["name", "namePrefix", "path"],
  "aws:iam/openIdConnectProvider:OpenIdConnectProvider": ["url"],
  // ── KMS (internal/service/kms) ───────────────────────────────────────────────────────────
  "aws:kms/key:Key": ["customKeyStoreId", "customerMasterKeySpec", "keyUsage", "multiRegion", "xksKeyId"],
  "aws:kms/alias:Alias": ["name", "namePrefix"],
  // ── CloudWatch and Logs (internal/service/cloudwatch, internal/service/logs) ─────────────
  "aws:cloudwatch/logGroup:LogGroup": ["logGroupClass", "name", "namePrefix"],
  // Pulumi names the alarm_name attribute `name` on MetricAlarm, `alarmName` on CompositeAlarm.
  "aws:cloudwatch/metricAlarm:MetricAlarm": ["name"],
  "aws:cloudwatch/compositeAlarm:CompositeAlarm": ["alarmName"],
  "aws:cloudwatch/logMetricFilter:LogMetricFilter": ["logGroupName", "name"],
  // Pulumi names log_group_name `logGroup` here.
  "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": ["logGroup", "name"],
  // ── SNS (internal/service/sns) ───────────────────────────────────────────────────────────
  "aws:sns/topic:Topic": ["fifoTopic", "name", "namePrefix"],
  "aws:sns/topicSubscription:TopicSubscription": ["endpoint", "protocol", "topic"],
  // ── Others the platform may use ──────────────────────────────────────────────────────────
  "aws:ecr/repository:Repository": ["name"],
  "aws:s3/bucket:Bucket": ["bucket", "bucketPrefix"],

  // ── Kubernetes (pulumi-kubernetes diff.go), besides metadata.name/namespace ──────────────
  // Deployment/DaemonSet/StatefulSet: the selector is immutable in the API (apps/v1).
  "kubernetes:apps/v1:Deployment": labelSelector("spec.selector"),
  "kubernetes:apps/v1:DaemonSet": labelSelector("spec.selector"),
  "kubernetes:apps/v1:StatefulSet": [
    "spec.podManagementPolicy", "spec.revisionHistoryLimit", "spec.serviceName", "spec.volumeClaimTemplates", ...labelSelector("spec.selector"),
  ],
  "kubernetes:batch/v1:Job": ["spec.completions", "spec.parallelism", "spec.template", ...labelSelector("spec.selector")],
  "kubernetes:core/v1:Pod": podSpec("spec"),
  "kubernetes:core/v1:Service": ["spec.clusterIP"],
  "kubernetes:core/v1:Secret": [
    "type",
    { path: "data", mutableWithProviderFlag: "enableSecretMutable" },
    { path: "stringData", mutableWithProviderFlag: "enableSecretMutable" },
  ],
  // ConfigMaps are replaced on every data change unless the provider enables mutable ConfigMaps.
  "kubernetes:core/v1:ConfigMap": [
    { path: "data", mutableWithProviderFlag: "enableConfigMapMutable" },
    { path: "binaryData", mutableWithProviderFlag: "enableConfigMapMutable" },
  ],
  "kubernetes:core/v1:PersistentVolumeClaim": ["spec.accessModes", "spec.storageClassName", "spec.volumeName", ...labelSelector("spec.selector")],
  "kubernetes:core/v1:PersistentVolume": [
    "spec.awsElasticBlockStore", "spec.azureDisk", "spec.azureFile", "spec.cephfs", "spec.cinder", "spec.csi", "spec.fc", "spec.flexVolume",
    "spec.flocker", "spec.gcePersistentDisk", "spec.glusterfs", "spec.hostPath", "spec.iscsi", "spec.local", "spec.nfs",
    "spec.photonPersistentDisk", "spec.portworxVolume", "spec.quobyte", "spec.rbd", "spec.scaleIO", "spec.storageos", "spec.vsphereVolume",
  ],
  "kubernetes:core/v1:ResourceQuota": ["spec.scopes"],
  // policy/v1 PodDisruptionBudgets are mutable; only the deprecated v1beta1 spec was create-only.
  "kubernetes:policy/v1beta1:PodDisruptionBudget": ["spec"],
  "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding": ["roleRef"],
  "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding": ["roleRef"],
  "kubernetes:storage.k8s.io/v1:StorageClass": ["parameters", "provisioner"],
};

/** Kubernetes patch resources (`…Patch`) change in place except for their identity (diff.go: IsPatchResource). */
export function isPatchType(type: string): boolean {
  return type.startsWith("kubernetes:") && type.endsWith("Patch");
}
