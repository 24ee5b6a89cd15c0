/**
 * A synthetic estate of N services as a real stackplan project on disk: Pulumi.yaml whose `main`
 * is this repository's compiled program (dist/stacks/index.js, by absolute path), three stacks
 * (dev, staging, prod), values layers (base → shared-nonprod → dev/staging; base → prod) and one
 * kustomization per env with what platform teams put there: a patch over every Deployment
 * (strategic merge, every tenth a JSON 6902 patch file), image pins for 20% of the services
 * (half in the env's values, half in the kustomization's `images`), a configMapGenerator and a
 * secretGenerator per namespace (referenced from the pods, so hash suffixes and name references
 * are rewritten), labels and annotations on everything, and raw manifests in overlays/base/manifests.
 *
 * Deterministic: the same N gives the same bytes. Services are spread over namespaces of 25
 * (`team-00`, …); each calls the next one in its namespace; one in ten has AWS access (IRSA),
 * one in four autoscales, one in twenty is public.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const ENVS = ["dev", "staging", "prod"];
const PER_NAMESPACE = 25;
const REGISTRY = "999999999999.dkr.ecr.us-east-1.amazonaws.com";

const pad = (n, w) => String(n).padStart(w, "0");
export const serviceName = (i) => `svc-${pad(i, 4)}`;
const namespaceOf = (i) => `team-${pad(Math.floor(i / PER_NAMESPACE), 2)}`;
const namespaces = (n) => [...new Set(Array.from({ length: n }, (_, i) => namespaceOf(i)))];
/** Services pinned in an env: every fifth, the first half of them in values, the rest in kustomize `images`. */
const pinnedInValues = (i) => i % 10 === 0;
const pinnedInImages = (i) => i % 10 === 5;

function service(i, n) {
  const name = serviceName(i);
  const ns = namespaceOf(i);
  const next = i + 1 < n && namespaceOf(i + 1) === ns ? serviceName(i + 1) : undefined;
  const lines = [
    `  ${name}:`,
    `    namespace: ${ns}`,
    `    image: { repository: "${REGISTRY}/{{values.platform.name}}/${name}", tag: "1.${i % 13}.${i % 7}" }`,
    `    replicas: 2`,
    ...(i % 8 === 0 ? ["    criticality: critical"] : i % 8 === 7 ? ["    criticality: best-effort"] : []),
    `    ports: [{ name: http, containerPort: 8080, servicePort: 80 }]`,
    `    resources:`,
    `      requests: { cpu: ${50 + (i % 5) * 50}m, memory: ${128 * (1 + (i % 4))}Mi }`,
    `      limits: { memory: ${256 * (1 + (i % 4))}Mi }`,
    `    probes:`,
    `      readiness: { httpGet: { path: /ready, port: http }, periodSeconds: 5 }`,
    `      liveness: { httpGet: { path: /healthz, port: http }, periodSeconds: 10, failureThreshold: 6 }`,
    `    env:`,
    `      LOG_LEVEL: info`,
    `      SERVICE_URL: http://${name}.${ns}.svc.cluster.local`,
    ...(next ? [`      NEXT_URL: http://${next}`] : []),
    ...(i % 4 === 1 ? [`    autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 6, targetCPUUtilization: 70 }`] : []),
    ...(i % 20 === 3 ? [`    exposure: { type: public, host: "${name}.{{env.name}}.bench.example.com", path: / }`] : []),
    ...(i > 0 && namespaceOf(i - 1) === ns ? [`    allowFrom: { services: [${serviceName(i - 1)}] }`] : []),
    ...(i % 10 === 2
      ? [
          `    aws:`,
          `      statements:`,
          `        - actions: [s3:GetObject, s3:PutObject]`,
          `          resources: ["arn:aws:s3:::{{values.platform.name}}-{{env.name}}-${name}/*"]`,
        ]
      : []),
  ];
  return lines.join("\n");
}

function baseValues(n) {
  // Node groups sized for the pods (HPA max 6, else 2 replicas; 29 pods per m5.large) with headroom.
  const pods = Array.from({ length: n }, (_, i) => (i % 4 === 1 ? 6 : 2)).reduce((a, b) => a + b, 0);
  const maxSize = Math.ceil((pods * 1.5) / 20) + 3;
  return `# Base values of the bench estate (${n} services).
platform:
  name: bench
  namespace: apps
  tags: { team: platform, environment: "{{env.name}}" }

network:
  vpcCidr: 10.40.0.0/16
  azCount: 3
  nat: perAz
  subnets:
    public: { prefixLength: 24 }
    private: { prefixLength: 19 }
    data: { prefixLength: 24 }
  endpoints:
    gateway: [s3, dynamodb]
    interface: [ecr.api, ecr.dkr, sts, logs]
  flowLogs: { enabled: true, trafficType: ALL, dailyIngestGiB: 2 }

cluster:
  name: "{{values.platform.name}}-{{env.name}}"
  version: "1.34"
  endpoint: { privateAccess: true, publicAccess: true, publicAccessCidrs: [203.0.113.0/24] }
  logTypes: [api, audit, authenticator, controllerManager, scheduler]
  secretsEncryption: { enabled: true }
  authenticationMode: API
  addons:
    vpc-cni: { version: v1.20.4-eksbuild.1 }
    coredns: { version: v1.12.4-eksbuild.1 }
    kube-proxy: { version: v1.34.1-eksbuild.2 }
    aws-ebs-csi-driver: { version: v1.50.1-eksbuild.1 }
    amazon-cloudwatch-observability: { version: v4.6.0-eksbuild.1 }

nodeGroups:
  general:
    instanceTypes: [m6i.large, m5.large]
    capacityType: ON_DEMAND
    minSize: 3
    maxSize: ${maxSize}
    desiredSize: 3
    labels: { workload: general }

observability:
  notifications: { emails: [oncall@bench.example.com] }
  logGroups:
    application: { name: "/{{values.platform.name}}/{{env.name}}/application", tier: application, dailyIngestGiB: 20 }
    audit: { name: "/{{values.platform.name}}/{{env.name}}/audit", tier: security, dailyIngestGiB: 1 }
  alarms:
    node-failures:
      description: Nodes of the cluster are failing
      tier: critical
      namespace: ContainerInsights
      metric: cluster_failed_node_count
      statistic: Maximum
      dimensions: { ClusterName: "{{values.cluster.name}}" }
      threshold: 0
      comparison: GreaterThanThreshold
      evaluationPeriods: 2

services:
${Array.from({ length: n }, (_, i) => service(i, n)).join("\n")}

policy:
  enforcement: advisory

promotion:
  promotable: [services.*.image.tag, services.*.image.digest, cluster.version]
`;
}

/** The env's values: replicas and image pins (values half) per service. */
function envValues(env, n) {
  const head = {
    dev: "extends: shared-nonprod\nnetwork: { vpcCidr: 10.10.0.0/16, azCount: 2, nat: single }\n",
    staging: "extends: shared-nonprod\nnetwork: { vpcCidr: 10.20.0.0/16, azCount: 2, nat: single }\n",
    prod: "network: { vpcCidr: 10.30.0.0/16, azIds: [use1-az1, use1-az2, use1-az4], nat: perAz }\ncluster: { endpoint: { publicAccess: false, publicAccessCidrs: [] } }\n",
  }[env];
  const replicas = { dev: 1, staging: 2, prod: 3 }[env];
  const lines = [];
  for (let i = 0; i < n; i++) {
    const parts = [`replicas: ${replicas}`];
    if (pinnedInValues(i)) parts.push(`image: { tag: "${env === "dev" ? "2.0.0-rc." : "1.99."}${i % 9}" }`);
    if (env === "dev" && i % 4 === 1) parts.push("autoscaling: { enabled: false }");
    if (env === "prod" && i % 4 === 1) parts.push("autoscaling: { minReplicas: 3 }");
    lines.push(`  ${serviceName(i)}: { ${parts.join(", ")} }`);
  }
  const policy = env === "prod" ? "policy: { enforcement: mandatory }\n" : "policy: { enforcement: advisory }\n";
  return `# ${env} values of the bench estate.\n${head}services:\n${lines.join("\n")}\n${policy}`;
}

/** The env's kustomization: a patch per Deployment, image pins, generators, labels. */
function kustomization(env, n) {
  const ns = namespaces(n);
  const generators = ns.map((s) => `  - name: ${s}-settings\n    namespace: ${s}\n    literals: [ENV=${env}, REGION=us-east-1, FEATURE_X="${env !== "dev"}"]`);
  const secrets = ns.map((s) => `  - name: ${s}-credentials\n    namespace: ${s}\n    literals: [TOKEN=bench-${env}-${s}]`);
  const patches = [];
  for (let i = 0; i < n; i++) {
    const name = serviceName(i);
    if (i % 10 === 9) {
      patches.push(`  - path: patches/${name}.json6902.yaml\n    target: { group: apps, version: v1, kind: Deployment, name: ${name}, namespace: ${namespaceOf(i)} }`);
      continue;
    }
    patches.push(
      [
        `  - patch: |-`,
        `      apiVersion: apps/v1`,
        `      kind: Deployment`,
        `      metadata: { name: ${name}, namespace: ${namespaceOf(i)}, annotations: { bench.example.com/owner: ${namespaceOf(i)} } }`,
        `      spec:`,
        `        template:`,
        `          spec:`,
        `            containers:`,
        `              - name: ${name}`,
        `                envFrom: [{ configMapRef: { name: ${namespaceOf(i)}-settings } }]`,
        `                env: [{ name: TOKEN, valueFrom: { secretKeyRef: { name: ${namespaceOf(i)}-credentials, key: TOKEN } } }]`,
      ].join("\n"),
    );
  }
  const images = [];
  for (let i = 0; i < n; i++) {
    if (!pinnedInImages(i)) continue;
    const repo = `${REGISTRY}/bench/${serviceName(i)}`;
    images.push(env === "prod" ? `  - name: ${repo}\n    digest: sha256:${pad(i, 4).repeat(16)}` : `  - name: ${repo}\n    newTag: "1.${i % 13}.${(i % 7) + 1}"`);
  }
  return `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
labels:
  - pairs: { stackplan.dev/env: ${env} }
    includeSelectors: false
commonAnnotations:
  bench.example.com/estate: "${n}"
configMapGenerator:
${generators.join("\n")}
secretGenerator:
${secrets.join("\n")}
images:
${images.join("\n")}
patches:
${patches.join("\n")}
`;
}

function json6902Patch(i) {
  return `- op: add\n  path: /spec/template/spec/terminationGracePeriodSeconds\n  value: ${30 + (i % 5) * 10}\n- op: add\n  path: /spec/template/metadata/annotations\n  value: { bench.example.com/drain: "true" }\n`;
}

function rawManifests(n) {
  const limits = namespaces(n).map(
    (s) => `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: ${s}\nspec:\n  limits:\n  - type: Container\n    defaultRequest: { cpu: 100m, memory: 128Mi }\n    default: { memory: 256Mi }\n`,
  );
  return {
    "priority-classes.yaml": "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: bench-critical\nvalue: 100000\nglobalDefault: false\ndescription: Critical bench services.\n",
    "limit-ranges.yaml": limits.join("---\n"),
  };
}

/**
 * Write the estate of `n` services under `dir` (replacing it). `program` is the absolute path
 * of the compiled program. Returns what it wrote.
 */
export function writeEstate(dir, n, program) {
  fs.rmSync(dir, { recursive: true, force: true });
  const files = new Map();
  files.set("Pulumi.yaml", `name: bench-estate\nruntime: nodejs\nmain: ${program}\nstackConfigDir: stacks\n`);
  ENVS.forEach((env, i) => {
    const cls = { dev: "development", staging: "staging", prod: "production" }[env];
    files.set(`stacks/Pulumi.${env}.yaml`, `config:\n  aws:region: us-east-1\n  stackplan:account: "${String(i + 1).repeat(12)}"\n  stackplan:overlay: ${env}\n  stackplan:order: ${i + 1}\n  stackplan:class: ${cls}\n`);
    files.set(`overlays/${env}/values.yaml`, envValues(env, n));
    files.set(`overlays/${env}/kustomization.yaml`, kustomization(env, n));
    for (let s = 9; s < n; s += 10) files.set(`overlays/${env}/patches/${serviceName(s)}.json6902.yaml`, json6902Patch(s));
  });
  files.set("overlays/base/values.yaml", baseValues(n));
  files.set("overlays/shared-nonprod/values.yaml", "# Shared by dev and staging.\nnetwork: { endpoints: { interface: [ecr.api, ecr.dkr] } }\nobservability: { notifications: { emails: [nonprod@bench.example.com] } }\n");
  for (const [f, text] of Object.entries(rawManifests(n))) files.set(`overlays/base/manifests/${f}`, text);
  for (const [rel, text] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return { dir, files: files.size };
}
