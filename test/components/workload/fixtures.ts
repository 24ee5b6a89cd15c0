/** Small, explicit inputs for the workload planner tests. */
import { serviceSpec, type ResolvedService } from "../../../src/spec/index";
import { nodeGroupSpec } from "../../../src/spec/node-groups";
import type { WorkloadContext } from "../../../components/workload/index";

/** A service as the values would give it, with defaults applied and a namespace resolved. */
export function svc(raw: Record<string, unknown>, namespace = "shop"): ResolvedService {
  const base = {
    image: { repository: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/app", tag: "1.2.3" },
    ports: [{ name: "http", containerPort: 8080, servicePort: 80 }],
    resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" } },
    probes: { readiness: { httpGet: { path: "/ready", port: "http" } }, liveness: { httpGet: { path: "/healthz", port: "http" } } },
  };
  return { ...serviceSpec.parse({ ...base, ...raw }), namespace };
}

export function ctx(services: Record<string, ResolvedService>, overrides: Partial<WorkloadContext> = {}): WorkloadContext {
  return {
    platform: "shop",
    clusterName: "shop-prod",
    account: "333333333333",
    region: "us-east-1",
    vpcCidr: "10.30.0.0/16",
    nodeGroups: {
      general: nodeGroupSpec.parse({ instanceTypes: ["m6i.large"], minSize: 3, maxSize: 6, desiredSize: 3 }),
      batch: nodeGroupSpec.parse({
        instanceTypes: ["c6i.xlarge"],
        minSize: 3,
        maxSize: 6,
        desiredSize: 3,
        taints: [
          { key: "workload", value: "batch", effect: "NO_SCHEDULE" },
          { key: "spot", effect: "PREFER_NO_SCHEDULE" },
        ],
      }),
    },
    services,
    ...overrides,
  };
}

export const SERVICE_LABELS = (name: string, criticality = "standard", version: string | null = "1.2.3") => ({
  "app.kubernetes.io/name": name,
  "app.kubernetes.io/part-of": "shop",
  "app.kubernetes.io/managed-by": "pulumi",
  ...(version !== null ? { "app.kubernetes.io/version": version } : {}),
  "stackplan.dev/criticality": criticality,
});

/** A batch worker: digest-only image, no exposure, a tainted node group, IRSA and every env source. */
export const WORKER = svc({
  image: { repository: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/worker", digest: `sha256:${"a".repeat(64)}` },
  ports: [{ name: "metrics", containerPort: 9090 }],
  probes: { readiness: { httpGet: { path: "/ready", port: "metrics" } }, liveness: { exec: { command: ["/app/worker", "healthcheck"] } } },
  exposure: { type: "none" },
  nodeGroup: "batch",
  env: { DB_PASSWORD: { pulumiSecret: "workerDbPassword" }, QUEUE: "orders", TOKEN: { secretKeyRef: { name: "tokens", key: "api" } }, FLAGS: { configMapKeyRef: { name: "flags", key: "all" } } },
  aws: {
    managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess"],
    statements: [{ actions: ["sqs:DeleteMessage"], resources: ["arn:aws:sqs:us-east-1:333333333333:orders"] }],
  },
});
