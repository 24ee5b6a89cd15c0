#!/usr/bin/env node
// Benchmark of the offline engine on a generated program shaped like a large platform:
// N services (a component each, holding a Deployment, Service, ConfigMap, ServiceAccount,
// PodDisruptionBudget and HorizontalPodAutoscaler: 6 Kubernetes objects) plus 150 AWS resources.
//
//   npm run build && node scripts/bench-render.mjs [--services 500] [--envs 3]
//
// Measures (1) one env rendered by one worker: wall time and the worker's peak RSS, and
// (2) every env rendered in parallel (render --all), checked and diffed env → env: wall time,
// the workers' peak RSS and this process's. Writes bench-results/render.json.
import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dist = (p) => require(path.join(repo, "dist", "src", p));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SERVICES = arg("services", 500);
const ENVS = ["dev", "staging", "prod"].slice(0, arg("envs", 3));

const { loadProject } = dist("project/project.js");
const { renderEnvs } = dist("plan/render.js");
const { diffPlans } = dist("diff/engine.js");
const { checkPlan } = dist("check/evaluate.js");

const program = `"use strict";
const pulumi = require("@pulumi/pulumi");
const aws = require("@pulumi/aws");
const k8s = require("@pulumi/kubernetes");
const SERVICES = ${SERVICES};
class Service extends pulumi.ComponentResource {
  constructor(name, args, opts) {
    super("bench:workload:Service", name, {}, opts);
    const o = { parent: this, provider: args.k8s };
    const labels = { "app.kubernetes.io/name": name };
    const metadata = { name, namespace: "apps", labels };
    new k8s.core.v1.ConfigMap(name + "-config", { metadata: { ...metadata, name: name + "-config" }, data: { LOG_LEVEL: "info", REPLICAS: String(args.replicas) } }, o);
    new k8s.core.v1.ServiceAccount(name + "-sa", { metadata }, o);
    new k8s.apps.v1.Deployment(name + "-deploy", { metadata, spec: { replicas: args.replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: {
      serviceAccountName: name,
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: labels } }],
      containers: [{ name: "app", image: "registry.example.com/" + name + ":1." + (args.replicas % 7) + ".0", ports: [{ name: "http", containerPort: 8080 }],
        env: [{ name: "SERVICE", value: name }, { name: "ENV", value: args.env }],
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
        readinessProbe: { httpGet: { path: "/ready", port: "http" } }, livenessProbe: { httpGet: { path: "/live", port: "http" } } }] } } } }, o);
    new k8s.core.v1.Service(name + "-svc", { metadata, spec: { selector: labels, ports: [{ name: "http", port: 80, targetPort: "http" }] } }, o);
    new k8s.policy.v1.PodDisruptionBudget(name + "-pdb", { metadata, spec: { minAvailable: 1, selector: { matchLabels: labels } } }, o);
    new k8s.autoscaling.v2.HorizontalPodAutoscaler(name + "-hpa", { metadata, spec: { minReplicas: args.replicas, maxReplicas: args.replicas * 4,
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name }, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }] } }, o);
    this.registerOutputs({});
  }
}
module.exports = async () => {
  const env = pulumi.getStack();
  const replicas = env === "prod" ? 3 : env === "staging" ? 2 : 1;
  const provider = new aws.Provider("aws", { region: "us-east-1" });
  const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" }, { provider });
  for (let i = 0; i < 149; i++) {
    const kind = i % 3;
    if (kind === 0) new aws.ec2.Subnet("subnet-" + i, { vpcId: vpc.id, cidrBlock: "10.0." + i + ".0/24", availabilityZoneId: "use1-az" + (1 + (i % 3)) }, { provider });
    if (kind === 1) new aws.cloudwatch.LogGroup("logs-" + i, { name: "/bench/" + env + "/" + i, retentionInDays: 90, tags: { "stackplan:tier": "application" } }, { provider });
    if (kind === 2) new aws.cloudwatch.MetricAlarm("alarm-" + i, { name: "bench-" + env + "-" + i, comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 3,
      metricName: "CPUUtilization", namespace: "AWS/EC2", period: 300, statistic: "Average", threshold: 80 }, { provider });
  }
  const k8sProvider = new k8s.Provider("k8s", { kubeconfig: "{}" });
  for (let s = 0; s < SERVICES; s++) {
    new Service("svc-" + String(s).padStart(4, "0"), { env, replicas, k8s: k8sProvider });
    // Yield between services, as the platform program does (yieldToRuntime).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return {};
};
`;

function project() {
  // Inside the repository (bench-results/ is git-ignored), on the disk a checkout lives on:
  // small-file creation can be far slower on other filesystems (a VM's /tmp, for one).
  fs.mkdirSync(path.join(repo, "bench-results"), { recursive: true });
  const root = fs.mkdtempSync(path.join(repo, "bench-results", "project-"));
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write("Pulumi.yaml", "name: bench\nruntime: nodejs\nmain: program/index.js\nstackConfigDir: stacks\n");
  write("program/index.js", program);
  ENVS.forEach((env, i) =>
    write(`stacks/Pulumi.${env}.yaml`, `config:\n  aws:region: us-east-1\n  stackplan:account: "${String(i + 1).repeat(12)}"\n  stackplan:overlay: base\n  stackplan:order: ${i + 1}\n  stackplan:class: ${env === "prod" ? "production" : env === "staging" ? "staging" : "development"}\n`),
  );
  fs.cpSync(path.join(repo, "test", "fixtures", "plan", "shop", "overlays", "base"), path.join(root, "overlays", "base"), { recursive: true });
  fs.symlinkSync(fs.realpathSync(path.join(repo, "node_modules")), path.join(root, "node_modules"), "dir");
  return root;
}

const mib = (bytes) => Math.round(bytes / 1024 / 1024);
const root = project();
try {
  const p = loadProject(root);
  const out = path.join(root, "rendered");

  let t = performance.now();
  const [one] = await renderEnvs(p, [ENVS[0]], { out });
  const single = {
    env: one.env,
    resources: one.plan.resources.length,
    kubernetesObjects: one.manifests.length,
    wallMs: Math.round(performance.now() - t),
    workerPeakRssMiB: mib(one.peakRssBytes),
    planJsonMiB: +(fs.statSync(path.join(out, one.env, "plan.json")).size / 1024 / 1024).toFixed(1),
  };
  console.log("one env, one worker:", single);

  t = performance.now();
  const all = await renderEnvs(p, ENVS, { out });
  const rendered = performance.now();
  const checks = all.map((r) => checkPlan(r.plan, { today: "2026-01-01" }));
  const checked = performance.now();
  const diffs = all.slice(1).map((r, i) => diffPlans(all[i].plan, r.plan));
  const done = performance.now();
  const pipeline = {
    envs: ENVS.length,
    cores: os.availableParallelism(),
    renderAllMs: Math.round(rendered - t),
    checkMs: Math.round(checked - rendered),
    diffMs: Math.round(done - checked),
    totalMs: Math.round(done - t),
    workerPeakRssMiB: Math.max(...all.map((r) => mib(r.peakRssBytes))),
    parentPeakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
    findings: checks.reduce((n, c) => n + c.findings.length, 0),
    changes: diffs.map((d) => d.summary),
  };
  console.log("render --all + check + diff:", pipeline);
  fs.mkdirSync(path.join(repo, "bench-results"), { recursive: true });
  fs.writeFileSync(path.join(repo, "bench-results", "render.json"), `${JSON.stringify({ services: SERVICES, single, pipeline }, null, 2)}\n`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
