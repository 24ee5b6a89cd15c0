/**
 * `stackplan:observability:Observability`: tiered log groups, the alarm topic (KMS-encrypted)
 * with its e-mail subscriptions, metric and composite alarms, and custom metrics as log metric
 * filters, built from an ObservabilityPlan.
 */
import * as aws from "../shared/aws";
import * as pulumi from "@pulumi/pulumi";
import { withinComponent } from "../../src/program/component-error";
import { partitionOf } from "../shared/aws-names";
import { childOptions, type ChildOptions } from "../shared/child";
import { policyDocument } from "../shared/iam";
import { buildLogGroup } from "../shared/resources";
import { HIGH_RESOLUTION_TAG, nameTags, TIER_TAG } from "../shared/tags";
import { metricCatalogue, type ObservabilityPlan } from "./plan";

export const OBSERVABILITY_TYPE = "stackplan:observability:Observability";

export interface ObservabilityArgs {
  readonly plan: ObservabilityPlan;
  readonly provider: aws.Provider;
  readonly region: string;
  readonly account: string;
}

export class Observability extends pulumi.ComponentResource {
  readonly plan: ObservabilityPlan;
  readonly topic: aws.sns.Topic;
  /** The alarm topic's ARN (knowable before apply). */
  readonly alarmTopicArn: string;

  constructor(name: string, args: ObservabilityArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(OBSERVABILITY_TYPE, name, {}, opts);
    this.plan = args.plan;
    this.alarmTopicArn = args.plan.topic.arn;
    this.topic = withinComponent(OBSERVABILITY_TYPE, name, () => buildObservability(name, args, childOptions(this, args.provider)));
    const { plan } = args;
    this.registerOutputs({
      alarmTopicArn: plan.topic.arn,
      logGroups: Object.fromEntries(plan.logGroups.map((l) => [l.name, { tier: l.tier, retentionInDays: l.retentionInDays }])),
      alarms: Object.fromEntries(plan.alarms.map((a) => [a.name, { tier: a.tier, period: a.period, highResolution: a.highResolution }])),
      compositeAlarms: Object.fromEntries(plan.compositeAlarms.map((c) => [c.name, { tier: c.tier, rule: c.rule }])),
      metricCatalogue: metricCatalogue(plan),
    });
  }
}

function buildObservability(name: string, args: ObservabilityArgs, child: ChildOptions): aws.sns.Topic {
  const { plan, region, account } = args;
  const logGroups: Record<string, aws.cloudwatch.LogGroup> = {};
  for (const lg of plan.logGroups) {
    logGroups[lg.key] = buildLogGroup(`${name}-logs-${lg.key}`, lg, child, { logGroupClass: lg.logGroupClass });
  }

  // CloudWatch alarms cannot publish to a topic under the AWS-managed SNS key: the key policy
  // must let cloudwatch.amazonaws.com use it, so the topic gets a key of its own.
  const key = new aws.kms.Key(`${name}-alarms-key`, {
    description: `Encrypts the alarm topic ${plan.topic.name}`,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: policyDocument([
      { Sid: "AccountAdministers", Effect: "Allow", Principal: { AWS: `arn:${partitionOf(region)}:iam::${account}:root` }, Action: "kms:*", Resource: "*" },
      {
        Sid: "CloudWatchAlarmsPublish",
        Effect: "Allow",
        Principal: { Service: "cloudwatch.amazonaws.com" },
        Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": account } },
      },
    ]),
    tags: nameTags(plan.topic.name),
  }, child());
  const alias = new aws.kms.Alias(`${name}-alarms-key-alias`, { name: plan.topic.kmsAliasName, targetKeyId: key.keyId }, child());
  const topic = new aws.sns.Topic(`${name}-alarms`, {
    name: plan.topic.name,
    kmsMasterKeyId: plan.topic.kmsAliasName,
    tags: nameTags(plan.topic.name),
  }, child({ dependsOn: [alias] }));
  plan.emails.forEach((email, i) => {
    new aws.sns.TopicSubscription(`${name}-alarms-email-${i}`, { topic: topic.arn, protocol: "email", endpoint: email }, child());
  });
  const actions = [plan.topic.arn];

  const alarms: Record<string, aws.cloudwatch.MetricAlarm> = {};
  for (const a of plan.alarms) {
    alarms[a.key] = new aws.cloudwatch.MetricAlarm(`${name}-alarm-${a.key}`, {
      name: a.name,
      ...(a.description !== undefined ? { alarmDescription: a.description } : {}),
      namespace: a.namespace,
      metricName: a.metric,
      ...(a.statistic !== undefined ? { statistic: a.statistic } : {}),
      ...(a.extendedStatistic !== undefined ? { extendedStatistic: a.extendedStatistic } : {}),
      dimensions: { ...a.dimensions },
      period: a.period,
      evaluationPeriods: a.evaluationPeriods,
      ...(a.datapointsToAlarm !== undefined ? { datapointsToAlarm: a.datapointsToAlarm } : {}),
      threshold: a.threshold,
      comparisonOperator: a.comparison,
      treatMissingData: a.treatMissingData,
      actionsEnabled: true,
      alarmActions: actions,
      okActions: actions,
      tags: { [TIER_TAG]: a.tier, ...(a.highResolution ? { [HIGH_RESOLUTION_TAG]: "true" } : {}) },
    }, child({ dependsOn: [topic] }));
  }

  for (const c of plan.compositeAlarms) {
    new aws.cloudwatch.CompositeAlarm(`${name}-composite-${c.key}`, {
      alarmName: c.name,
      ...(c.description !== undefined ? { alarmDescription: c.description } : {}),
      alarmRule: c.rule,
      actionsEnabled: true,
      alarmActions: actions,
      okActions: actions,
      tags: { [TIER_TAG]: c.tier },
    }, child({ dependsOn: [topic, ...c.alarmKeys.map((k) => alarms[k]!)] }));
  }

  for (const m of plan.metricFilters) {
    new aws.cloudwatch.LogMetricFilter(`${name}-metric-${m.key}`, {
      name: m.filterName,
      logGroupName: m.logGroup,
      pattern: m.pattern,
      metricTransformation: { name: m.metric, namespace: m.namespace, value: m.value },
    }, child({ dependsOn: [logGroups[m.logGroupKey]!] }));
  }
  return topic;
}
