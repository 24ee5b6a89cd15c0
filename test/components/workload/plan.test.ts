import { describe, expect, it } from "vitest";
import { planService, planWorkloads, planManifests } from "../../../components/workload/index";
import { ctx, SERVICE_LABELS, svc, WORKER } from "./fixtures";

const storefront = svc({
  criticality: "critical",
  replicas: 3,
  image: { repository: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web", tag: "2.14.0" },
  probes: {
    readiness: { httpGet: { path: "/ready", port: "http" }, periodSeconds: 5 },
    liveness: { httpGet: { path: "/healthz", port: "http" }, periodSeconds: 10, failureThreshold: 6 },
    startup: { httpGet: { path: "/healthz", port: "http" }, failureThreshold: 30 },
  },
  env: { LOG_LEVEL: "info", API_URL: "http://api" },
  autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 20, targetCPUUtilization: 65 },
  exposure: { type: "public", host: "shop.example.com", path: "/" },
});
const ledger = svc({ exposure: { type: "internal" }, allowFrom: { services: ["storefront"], namespaces: ["finance"] } }, "money");
const worker = WORKER;

const context = ctx({ storefront, ledger, worker });
const plan = (name: string) => planService(name, context);
const manifest = (name: string, kind: string) => plan(name).manifests.find((m) => m.kind === kind);

describe("planService: what each service becomes", () => {
  it.each([
    ["storefront", ["ServiceAccount", "Deployment", "Service", "Ingress", "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy"]],
    ["ledger", ["ServiceAccount", "Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy"]],
    ["worker", ["ServiceAccount", "Secret", "Deployment", "PodDisruptionBudget", "NetworkPolicy"]],
  ])("%s → %j", (name, kinds) => {
    expect(plan(name).manifests.map((m) => m.kind)).toEqual(kinds);
  });

  it("a public, critical, autoscaled service: the exact Deployment", () => {
    const selector = { matchLabels: { "app.kubernetes.io/name": "storefront" } };
    expect(manifest("storefront", "Deployment")).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "storefront", namespace: "shop", labels: SERVICE_LABELS("storefront", "critical", "2.14.0") },
      spec: {
        selector,
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
        template: {
          metadata: { labels: SERVICE_LABELS("storefront", "critical", "2.14.0") },
          spec: {
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: selector, topologyKey: "kubernetes.io/hostname" } }],
              },
            },
            automountServiceAccountToken: false,
            containers: [
              {
                name: "storefront",
                image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:2.14.0",
                imagePullPolicy: "Always",
                ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
                env: [
                  { name: "API_URL", value: "http://api" },
                  { name: "LOG_LEVEL", value: "info" },
                ],
                resources: { requests: { cpu: "250m", "ephemeral-storage": "128Mi", memory: "256Mi" }, limits: { "ephemeral-storage": "1Gi", memory: "512Mi" } },
                readinessProbe: { httpGet: { path: "/ready", port: "http" }, periodSeconds: 5 },
                livenessProbe: { httpGet: { path: "/healthz", port: "http" }, periodSeconds: 10, failureThreshold: 6 },
                startupProbe: { httpGet: { path: "/healthz", port: "http" }, failureThreshold: 30 },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  capabilities: { drop: ["ALL"] },
                  privileged: false,
                  readOnlyRootFilesystem: true,
                  runAsGroup: 10001,
                  runAsNonRoot: true,
                  runAsUser: 10001,
                  seccompProfile: { type: "RuntimeDefault" },
                },
                volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
              },
            ],
            securityContext: { fsGroup: 10001, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
            serviceAccountName: "storefront",
            topologySpreadConstraints: [
              { labelSelector: selector, matchLabelKeys: ["pod-template-hash"], maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway" },
              { labelSelector: selector, matchLabelKeys: ["pod-template-hash"], maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway" },
            ],
            volumes: [{ name: "tmp", emptyDir: {} }],
          },
        },
      },
    });
  });

  it("an autoscaled Deployment leaves spec.replicas to the HPA; a fixed one sets it", () => {
    expect((manifest("storefront", "Deployment")!.spec as Record<string, unknown>).replicas).toBeUndefined();
    expect((manifest("ledger", "Deployment")!.spec as Record<string, unknown>).replicas).toBe(2);
  });

  it("the HPA targets the Deployment with the spec's bounds and CPU target", () => {
    expect(manifest("storefront", "HorizontalPodAutoscaler")).toEqual({
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: "storefront", namespace: "shop", labels: SERVICE_LABELS("storefront", "critical", "2.14.0") },
      spec: {
        maxReplicas: 20,
        metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 65 } } }],
        minReplicas: 3,
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "storefront" },
      },
    });
  });

  it("public: a ClusterIP Service behind an internet-facing ALB Ingress for the host", () => {
    expect(manifest("storefront", "Service")).toEqual({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "storefront", namespace: "shop", labels: SERVICE_LABELS("storefront", "critical", "2.14.0") },
      spec: { ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "http" }], selector: { "app.kubernetes.io/name": "storefront" }, type: "ClusterIP" },
    });
    expect(manifest("storefront", "Ingress")).toEqual({
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: {
        name: "storefront",
        namespace: "shop",
        labels: SERVICE_LABELS("storefront", "critical", "2.14.0"),
        annotations: {
          "alb.ingress.kubernetes.io/group.name": "shop-public",
          "alb.ingress.kubernetes.io/healthcheck-path": "/ready",
          "alb.ingress.kubernetes.io/listen-ports": '[{"HTTP":80},{"HTTPS":443}]',
          "alb.ingress.kubernetes.io/scheme": "internet-facing",
          "alb.ingress.kubernetes.io/ssl-policy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
          "alb.ingress.kubernetes.io/ssl-redirect": "443",
          "alb.ingress.kubernetes.io/target-type": "ip",
        },
      },
      spec: {
        ingressClassName: "alb",
        rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "storefront", port: { name: "http" } } } }] } }],
        tls: [{ hosts: ["shop.example.com"] }],
      },
    });
  });

  it("internal: a LoadBalancer Service for an internal NLB with IP targets (AWS Load Balancer Controller)", () => {
    expect(manifest("ledger", "Service")).toEqual({
      apiVersion: "v1",
      kind: "Service",
      metadata: {
        name: "ledger",
        namespace: "money",
        labels: SERVICE_LABELS("ledger"),
        annotations: {
          "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
          "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
        },
      },
      spec: {
        allocateLoadBalancerNodePorts: false,
        loadBalancerClass: "service.k8s.aws/nlb",
        ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "http" }],
        selector: { "app.kubernetes.io/name": "ledger" },
        type: "LoadBalancer",
      },
    });
  });

  it("the PDB allows one eviction at a time and selects exactly the service's pods", () => {
    expect(manifest("ledger", "PodDisruptionBudget")).toEqual({
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name: "ledger", namespace: "money", labels: SERVICE_LABELS("ledger") },
      spec: { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "ledger" } }, unhealthyPodEvictionPolicy: "AlwaysAllow" },
    });
  });

  it.each([
    ["critical", { maxSurge: "25%", maxUnavailable: 0 }],
    ["standard", { maxSurge: "25%", maxUnavailable: "25%" }],
    ["best-effort", { maxSurge: "25%", maxUnavailable: "25%" }],
  ])("rollout of a %s service: %j", (criticality, rollingUpdate) => {
    const c = ctx({ a: svc({ criticality }) });
    const d = planService("a", c).manifests.find((m) => m.kind === "Deployment")!;
    expect((d.spec as { strategy: unknown }).strategy).toEqual({ type: "RollingUpdate", rollingUpdate });
    expect(d.metadata.labels!["stackplan.dev/criticality"]).toBe(criticality);
  });
});
