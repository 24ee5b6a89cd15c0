import { beforeAll, describe, expect, it } from "vitest";
import { planManifests, planWorkloads, workloadContext } from "../../components/workload/index";
import type { PlanResource } from "../../src/plan/types";
import { applyManifestOverlays } from "../../src/program/manifest-overlays";
import { registerWorkloads } from "../../src/program/register-workloads";
import { childrenOf, countByType, EXAMPLE_RESOURCE_COUNTS, harness, type Harness } from "./workload-harness";

const URN = "urn:pulumi:prod::shop-platform::";

/**
 * Prod has manifest overlays (overlays/prod/kustomization.yaml): a generator, a strategic merge
 * patch, a JSON 6902 patch, an image pin by digest and labels, applied to the generated manifests
 * and the raw base manifests before they are registered.
 */
describe("workloads of the example platform's prod env, under mocks", () => {
  let h: Harness;
  let resources: PlanResource[];
  const byName = (name: string) => resources.find((r) => r.name === name)!;

  beforeAll(async () => {
    h = await harness("prod");
    const plan = planWorkloads(workloadContext(h.env.spec, h.env.facts, h.infra.vpcCidr));
    await registerWorkloads(h.env, h.infra, plan, applyManifestOverlays(h.env, planManifests(plan)));
    resources = await h.resources();
  });

  it("creates exactly these resources: prod autoscales web, api and search and generates the feature flags", () => {
    expect(countByType(resources)).toEqual({
      ...EXAMPLE_RESOURCE_COUNTS,
      "kubernetes:autoscaling/v2:HorizontalPodAutoscaler": 3,
      "kubernetes:core/v1:ConfigMap": 1,
    });
  });

  it("applies the overlay's generator and strategic merge patch: web reads the hashed feature flags", () => {
    const flags = resources.find((r) => r.type === "kubernetes:core/v1:ConfigMap")!;
    const name = (flags.inputs.metadata as { name: string }).name;
    expect(name).toMatch(/^web-feature-flags-[a-z0-9]{10}$/);
    const pod = (byName("deployment-shop-web").inputs.spec as { template: { spec: { priorityClassName: string; containers: { envFrom: unknown[] }[] } } }).template.spec;
    expect(pod.priorityClassName).toBe("shop-critical");
    expect(pod.containers[0]!.envFrom).toContainEqual({ configMapRef: { name } });
  });

  it("applies the JSON 6902 patch, the digest pin and the labels", () => {
    const payments = byName("deployment-shop-payments").inputs as {
      metadata: { labels: Record<string, string> };
      spec: { selector: { matchLabels: Record<string, string> }; template: { spec: { terminationGracePeriodSeconds: number; containers: { image: string }[] } } };
    };
    expect(payments.spec.template.spec.terminationGracePeriodSeconds).toBe(60);
    expect(payments.spec.template.spec.containers[0]!.image).toBe(
      "999999999999.dkr.ecr.us-east-1.amazonaws.com/shop/payments@sha256:6e68ae51e2876e3c3eadb930f330dd4635bf70f034ead83d0fd09962e1f9aab9",
    );
    expect(payments.metadata.labels["stackplan.dev/env"]).toBe("prod");
    expect(payments.spec.selector.matchLabels).not.toHaveProperty("stackplan.dev/env");
  });

  it("an autoscaled critical service: HPA from 3 to 20, no replicas on the Deployment, surge-only rollout", () => {
    expect(childrenOf(resources, `${URN}stackplan:workload:Service::api`)).toEqual([
      "kubernetes:apps/v1:Deployment deployment-shop-api",
      "kubernetes:autoscaling/v2:HorizontalPodAutoscaler horizontalpodautoscaler-shop-api",
      "kubernetes:core/v1:Service service-shop-api",
      "kubernetes:core/v1:ServiceAccount serviceaccount-shop-api",
      "kubernetes:networking.k8s.io/v1:Ingress ingress-shop-api",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy networkpolicy-shop-api",
      "kubernetes:policy/v1:PodDisruptionBudget poddisruptionbudget-shop-api",
    ]);
    const hpa = byName("horizontalpodautoscaler-shop-api").inputs.spec as { minReplicas: number; maxReplicas: number };
    expect([hpa.minReplicas, hpa.maxReplicas]).toEqual([3, 20]);
    const spec = byName("deployment-shop-api").inputs.spec as Record<string, unknown>;
    expect(spec.replicas).toBeUndefined();
    expect(spec.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } });
  });

  it("critical services without autoscaling run 3 replicas in prod; all carry the criticality label", () => {
    const payments = byName("deployment-shop-payments").inputs as { spec: { replicas: number }; metadata: { labels: Record<string, string> } };
    expect(payments.spec.replicas).toBe(3);
    expect(payments.metadata.labels["stackplan.dev/criticality"]).toBe("critical");
  });

  it("the worker runs on the batch node group, tolerating its taint", () => {
    const pod = (byName("deployment-shop-worker").inputs.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    expect(pod.nodeSelector).toEqual({ "stackplan.dev/node-group": "batch" });
    expect(pod.tolerations).toEqual([{ effect: "NoSchedule", key: "workload", operator: "Equal", value: "batch" }]);
  });

  it("IAM roles are named after the prod cluster and live in the prod account", () => {
    expect(resources.filter((r) => r.type === "aws:iam/role:Role").map((r) => r.inputs.name).sort()).toEqual([
      "shop-prod-cart",
      "shop-prod-catalog",
      "shop-prod-notifications",
      "shop-prod-payments",
      "shop-prod-search",
      "shop-prod-worker",
    ]);
    const sa = byName("serviceaccount-shop-payments").inputs.metadata as { annotations: Record<string, string> };
    expect(sa.annotations["eks.amazonaws.com/role-arn"]).toBe("arn:aws:iam::333333333333:role/shop-prod-payments");
  });
});
