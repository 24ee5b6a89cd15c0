/**
 * `stackplan:cluster:NodeGroup`: one EKS managed node group with its IAM role and launch
 * template, built from a NodeGroupPlan. Children: `<name>-role`, `<name>-role-<ManagedPolicy>`,
 * `<name>-lt`, `<name>-group`.
 */
import * as aws from "../shared/aws";
import * as pulumi from "@pulumi/pulumi";
import { withinComponent } from "../../src/program/component-error";
import { childOptions } from "../shared/child";
import { serviceTrustPolicy } from "../shared/iam";
import { buildRole } from "../shared/resources";
import { nameTags, NODE_GROUP_LABEL } from "../shared/tags";
import type { NodeGroupPlan } from "./node-group-plan";
import { base64 } from "./user-data";

export const NODE_GROUP_TYPE = "stackplan:cluster:NodeGroup";

export interface NodeGroupArgs {
  readonly plan: NodeGroupPlan;
  /** The EKS cluster's name as an output of the cluster, so the group waits for it. */
  readonly clusterName: pulumi.Input<string>;
  /** Kubernetes version of the nodes: the cluster's. */
  readonly version: string;
  /** Ids of the private subnets of the group's AZs, in the plan's order. */
  readonly subnetIds: pulumi.Input<string>[];
  readonly provider: aws.Provider;
  /**
   * What the nodes must wait for (the VPC CNI and kube-proxy add-ons: nodes are not Ready
   * without them). A component's own dependsOn does not hold back its children, so it is passed in.
   */
  readonly nodesDependOn?: readonly pulumi.Resource[];
}

export class NodeGroup extends pulumi.ComponentResource {
  readonly plan: NodeGroupPlan;
  readonly nodeGroup: aws.eks.NodeGroup;
  readonly role: aws.iam.Role;

  constructor(name: string, args: NodeGroupArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(NODE_GROUP_TYPE, name, {}, opts);
    this.plan = args.plan;
    const child = childOptions(this, args.provider);
    const { plan } = args;
    const built = withinComponent(NODE_GROUP_TYPE, name, () => {
      const groupTags = { [NODE_GROUP_LABEL]: plan.key };
      const { role, attachments } = buildRole(`${name}-role`, plan.role, {
        description: `Nodes of the EKS node group ${plan.nodeGroupName}`,
        assumeRolePolicy: serviceTrustPolicy("ec2"),
        tags: groupTags,
      }, child);
      const launchTemplate = new aws.ec2.LaunchTemplate(`${name}-lt`, {
        name: plan.launchTemplateName,
        description: `Node group ${plan.nodeGroupName}: maxPods ${plan.maxPods}, gp3 root volume, IMDSv2`,
        updateDefaultVersion: true,
        userData: base64(plan.userData),
        blockDeviceMappings: [
          {
            deviceName: "/dev/xvda",
            ebs: { volumeSize: plan.diskSizeGiB, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" },
          },
        ],
        // IMDSv2 only; hop limit 2 so agents in pods that still read instance metadata keep working.
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 2 },
        tagSpecifications: ["instance", "volume"].map((resourceType) => ({ resourceType, tags: nameTags(plan.launchTemplateName, groupTags) })),
        tags: nameTags(plan.launchTemplateName, groupTags),
      }, child());
      const nodeGroup = new aws.eks.NodeGroup(`${name}-group`, {
        clusterName: args.clusterName,
        nodeGroupName: plan.nodeGroupName,
        version: args.version,
        nodeRoleArn: plan.role.arn,
        subnetIds: args.subnetIds,
        instanceTypes: [...plan.instanceTypes],
        capacityType: plan.capacityType,
        amiType: plan.amiType,
        scalingConfig: { ...plan.scaling },
        updateConfig: { maxUnavailable: 1 },
        labels: { ...plan.labels },
        taints: plan.taints.map((t) => ({ key: t.key, effect: t.effect, ...(t.value !== undefined ? { value: t.value } : {}) })),
        launchTemplate: { name: plan.launchTemplateName, version: launchTemplate.latestVersion.apply(String) },
        tags: nameTags(`${plan.launchTemplateName}`, groupTags),
      }, child({
        dependsOn: [role, ...attachments, launchTemplate, ...(args.nodesDependOn ?? [])],
        // The cluster autoscaler owns the desired size once the group exists.
        ignoreChanges: ["scalingConfig.desiredSize"],
      }));
      return { role, nodeGroup };
    });
    this.role = built.role;
    this.nodeGroup = built.nodeGroup;
    this.registerOutputs({
      nodeGroupName: plan.nodeGroupName,
      instanceTypes: plan.instanceTypes,
      capacityType: plan.capacityType,
      amiType: plan.amiType,
      maxPods: plan.maxPods,
      maxPodsSource: plan.maxPodsSource,
      minSize: plan.scaling.minSize,
      maxSize: plan.scaling.maxSize,
      azIds: plan.azIds,
      labels: plan.labels,
      roleArn: plan.role.arn,
    });
  }
}
