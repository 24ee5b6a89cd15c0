import { z } from "zod";
import { cidrBlock, dnsLabel, quantity } from "./common";

const port = z.union([z.number().int().min(1).max(65535), z.string().regex(/^[a-z0-9-]{1,15}$/, "expected a port number or a port name")]);

const probeTiming = {
  initialDelaySeconds: z.number().int().min(0).optional(),
  periodSeconds: z.number().int().min(1).optional(),
  timeoutSeconds: z.number().int().min(1).optional(),
  failureThreshold: z.number().int().min(1).optional(),
  successThreshold: z.number().int().min(1).optional(),
};

export const probeSpec = z
  .strictObject({
    httpGet: z.strictObject({ path: z.string().startsWith("/"), port }).optional(),
    tcpSocket: z.strictObject({ port }).optional(),
    exec: z.strictObject({ command: z.array(z.string()).min(1) }).optional(),
    grpc: z.strictObject({ port: z.number().int().min(1).max(65535) }).optional(),
    ...probeTiming,
  })
  .refine((p) => [p.httpGet, p.tcpSocket, p.exec, p.grpc].filter(Boolean).length === 1, {
    message: "expected exactly one of httpGet, tcpSocket, exec or grpc",
  });

const envValue = z.union([
  z.union([z.string(), z.number(), z.boolean()]).transform(String),
  /** From a Kubernetes Secret, e.g. one made by secretGenerator. */
  z.strictObject({ secretKeyRef: z.strictObject({ name: z.string(), key: z.string() }) }),
  /** From a Pulumi config secret of the stack (`pulumi config set --secret stackplan:<key>`). */
  z.strictObject({ pulumiSecret: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "expected a config key name") }),
  z.strictObject({ configMapKeyRef: z.strictObject({ name: z.string(), key: z.string() }) }),
]);

/** Labels the workload planner sets itself; podLabels may not override them (selectors rely on them). */
export const RESERVED_POD_LABELS = [
  "app.kubernetes.io/name",
  "app.kubernetes.io/part-of",
  "app.kubernetes.io/version",
  "app.kubernetes.io/managed-by",
  "stackplan.dev/criticality",
] as const;

/** What a probe checks, without its timings: kube-score's pod-probes-identical compares this. */
export function probeHandler(p: ProbeSpec): string {
  return JSON.stringify(p.httpGet ?? p.tcpSocket ?? p.exec ?? p.grpc ?? null);
}

const networkPort = z.number().int().min(1).max(65535);

/** Default egress outside the cluster: HTTPS anywhere (AWS APIs through STS/IRSA, SaaS endpoints). */
export const DEFAULT_EGRESS_CIDRS = [{ cidr: "0.0.0.0/0", ports: [443], protocol: "TCP" as const }];

export const serviceSpec = z
  .strictObject({
    /** Namespace; defaults to platform.namespace. */
    namespace: dnsLabel.optional(),
    image: z
      .strictObject({
        /** Registry and repository, without tag: `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web`. */
        repository: z.string().regex(/^[a-z0-9]([a-z0-9._\-/:]*[a-z0-9])?$/, "expected an image repository without tag"),
        tag: z.string().regex(/^[\w][\w.-]{0,127}$/, "expected an image tag").optional(),
        digest: z.string().regex(/^sha256:[a-f0-9]{64}$/, "expected a digest sha256:<64 hex>").optional(),
      })
      .refine((i) => i.tag !== undefined || i.digest !== undefined, { message: "expected a tag or a digest (pin the image)", path: ["tag"] }),
    /** @default 2 */
    replicas: z.number().int().min(0).default(2),
    /** critical services get maxUnavailable 0 and need ≥ 3 replicas in production. @default "standard" */
    criticality: z.enum(["critical", "standard", "best-effort"]).default("standard"),
    /** Container ports. @default [] */
    ports: z
      .array(
        z.strictObject({
          name: z.string().regex(/^[a-z0-9-]{1,15}$/, "expected a port name (≤ 15 chars)"),
          containerPort: z.number().int().min(1).max(65535),
          /** Port on the Service. @default containerPort */
          servicePort: z.number().int().min(1).max(65535).optional(),
          /** @default "TCP" */
          protocol: z.enum(["TCP", "UDP"]).default("TCP"),
        }),
      )
      .default([]),
    /**
     * Requests (cpu, memory) and a memory limit are required. Ephemeral storage (container logs,
     * the /tmp emptyDir, writable layers) is bounded too, so a runaway writer is evicted rather
     * than filling the node's disk; a CPU limit is optional (it throttles, even on idle nodes).
     */
    resources: z.strictObject({
      requests: z.strictObject({
        cpu: quantity,
        memory: quantity,
        /** @default "128Mi" */
        ephemeralStorage: quantity.default("128Mi"),
      }),
      limits: z.strictObject({
        cpu: quantity.optional(),
        memory: quantity,
        /** @default "1Gi" */
        ephemeralStorage: quantity.default("1Gi"),
      }),
    }),
    probes: z
      .strictObject({ readiness: probeSpec.optional(), liveness: probeSpec.optional(), startup: probeSpec.optional() })
      .default({}),
    command: z.array(z.string()).optional(),
    args: z.array(z.string()).optional(),
    /** Environment variables. @default {} */
    env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "expected an environment variable name"), envValue).default({}),
    autoscaling: z
      .strictObject({
        /** @default false */
        enabled: z.boolean().default(false),
        minReplicas: z.number().int().min(1).optional(),
        maxReplicas: z.number().int().min(1).optional(),
        /** @default 70 */
        targetCPUUtilization: z.number().int().min(1).max(100).default(70),
      })
      .default({ enabled: false, targetCPUUtilization: 70 })
      .refine((a) => !a.enabled || (a.minReplicas !== undefined && a.maxReplicas !== undefined), {
        message: "autoscaling needs minReplicas and maxReplicas",
      })
      .refine((a) => !a.enabled || a.minReplicas! <= a.maxReplicas!, { message: "expected minReplicas ≤ maxReplicas", path: ["minReplicas"] }),
    exposure: z
      .strictObject({
        /** none: no Service; cluster: ClusterIP; internal: internal NLB; public: internet-facing ALB Ingress. @default "cluster" */
        type: z.enum(["none", "cluster", "internal", "public"]).default("cluster"),
        /** Host name for public exposure. */
        host: z.string().regex(/^[a-z0-9.-]+$/, "expected a host name").optional(),
        /** @default "/" */
        path: z.string().startsWith("/").default("/"),
      })
      .default({ type: "cluster", path: "/" })
      .refine((e) => e.type !== "public" || e.host !== undefined, { message: "public exposure needs a host", path: ["host"] }),
    /** Services (by name) and namespaces allowed to connect; everything else is denied. @default {} */
    allowFrom: z
      .strictObject({ services: z.array(dnsLabel).default([]), namespaces: z.array(dnsLabel).default([]) })
      .default({ services: [], namespaces: [] }),
    /**
     * Destinations outside the cluster the pods may connect to; in-cluster callees follow from the
     * callees' `allowFrom`, DNS is always allowed. @default { cidrs: [{ cidr: 0.0.0.0/0, ports: [443] }] }
     */
    allowTo: z
      .strictObject({
        cidrs: z
          .array(
            z.strictObject({
              cidr: cidrBlock,
              ports: z.array(networkPort).min(1),
              /** @default "TCP" */
              protocol: z.enum(["TCP", "UDP"]).default("TCP"),
            }),
          )
          .default(DEFAULT_EGRESS_CIDRS),
      })
      .default({ cidrs: DEFAULT_EGRESS_CIDRS }),
    /** AWS access through IRSA: a role for the service account. */
    aws: z
      .strictObject({
        /** @default [] */
        managedPolicyArns: z.array(z.string().startsWith("arn:")).default([]),
        /** @default [] */
        statements: z
          .array(
            z.strictObject({
              effect: z.enum(["Allow", "Deny"]).default("Allow"),
              actions: z.array(z.string()).min(1),
              resources: z.array(z.string()).min(1),
            }),
          )
          .default([]),
      })
      .optional(),
    /** Node group (by key) the pods must run on. */
    nodeGroup: z.string().optional(),
    /** Extra pod labels and annotations. @default {} */
    podLabels: z.record(z.string(), z.string()).default({}),
    podAnnotations: z.record(z.string(), z.string()).default({}),
    securityContext: z
      .strictObject({
        /** @default 10001 */
        runAsUser: z.number().int().min(0).default(10001),
        /** @default runAsUser */
        runAsGroup: z.number().int().min(0).optional(),
        /** @default true */
        runAsNonRoot: z.boolean().default(true),
        /** @default true */
        readOnlyRootFilesystem: z.boolean().default(true),
        /** @default false */
        privileged: z.boolean().default(false),
      })
      .default({ runAsUser: 10001, runAsNonRoot: true, readOnlyRootFilesystem: true, privileged: false }),
  })
  .refine((s) => !s.autoscaling.enabled || s.replicas <= s.autoscaling.maxReplicas!, {
    message: "replicas is above autoscaling.maxReplicas",
    path: ["replicas"],
  })
  .refine((s) => s.exposure.type === "none" || s.ports.length > 0, {
    message: "a service exposed as cluster, internal or public needs at least one port (or exposure.type: none)",
    path: ["ports"],
  })
  .refine((s) => !s.probes.readiness || !s.probes.liveness || probeHandler(s.probes.readiness) !== probeHandler(s.probes.liveness), {
    message: "the liveness probe checks the same thing as the readiness probe: a failing dependency would restart every pod; point liveness at a cheaper endpoint",
    path: ["probes", "liveness"],
  })
  .superRefine((s, ctx) => {
    if (s.securityContext.runAsNonRoot && s.securityContext.runAsUser === 0) {
      ctx.addIssue({ code: "custom", path: ["securityContext", "runAsUser"], message: "runAsUser 0 is root, but runAsNonRoot is true: the kubelet would refuse to start the container" });
    }
    const names = s.ports.map((p) => p.name);
    for (const kind of ["readiness", "liveness", "startup"] as const) {
      const p = s.probes[kind];
      const port = p?.httpGet?.port ?? p?.tcpSocket?.port;
      if (typeof port === "string" && !names.includes(port)) {
        ctx.addIssue({ code: "custom", path: ["probes", kind], message: `probe port ${JSON.stringify(port)} is not one of the ports (${names.join(", ") || "none"})` });
      }
    }
    for (const key of Object.keys(s.podLabels)) {
      if ((RESERVED_POD_LABELS as readonly string[]).includes(key)) {
        ctx.addIssue({ code: "custom", path: ["podLabels", key], message: `label ${JSON.stringify(key)} is set by stackplan; selectors and policies rely on it` });
      }
    }
  });

export type ServiceSpec = z.output<typeof serviceSpec>;
export type ProbeSpec = z.output<typeof probeSpec>;
