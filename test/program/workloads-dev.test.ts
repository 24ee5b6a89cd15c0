import { beforeAll, describe, expect, it } from "vitest";
import type { PlanResource } from "../../src/plan/types";
import type { Workloads } from "../../src/program/workloads";
import { childrenOf, countByType, EXAMPLE_RESOURCE_COUNTS, harness, OIDC_ISSUER } from "./workload-harness";

const URN = "urn:pulumi:dev::shop-platform::";
const SERVICES = ["api", "cart", "catalog", "checkout", "notifications", "payments", "recommendations", "search", "web", "worker"];

describe("workloads of the example platform's dev env, under mocks", () => {
  let resources: PlanResource[];
  let result: Workloads;
  const byName = (name: string) => resources.find((r) => r.name === name)!;

  beforeAll(async () => {
    const h = await harness("dev");
    const { buildWorkloads } = await import("../../src/program/workloads");
    result = await buildWorkloads(h.env, h.infra);
    resources = await h.resources();
  });

  it("creates exactly these resources", () => {
    expect(countByType(resources)).toEqual(EXAMPLE_RESOURCE_COUNTS);
  });

  it("one Service component per service, parented to the stack", () => {
    const components = resources.filter((r) => r.type === "stackplan:workload:Service");
    expect(components.map((r) => r.name).sort()).toEqual(SERVICES);
    for (const c of components) expect(c.parent).toBe(`${URN}pulumi:pulumi:Stack::shop-platform-dev`);
  });

  it("a public service: its objects under its component, named <kind>-<namespace>-<name>", () => {
    expect(childrenOf(resources, `${URN}stackplan:workload:Service::web`)).toEqual([
      "kubernetes:apps/v1:Deployment deployment-shop-web",
      "kubernetes:core/v1:Service service-shop-web",
      "kubernetes:core/v1:ServiceAccount serviceaccount-shop-web",
      "kubernetes:networking.k8s.io/v1:Ingress ingress-shop-web",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy networkpolicy-shop-web",
      "kubernetes:policy/v1:PodDisruptionBudget poddisruptionbudget-shop-web",
    ]);
  });

  it("a service with AWS access: its IRSA role and inline policy beside its Kubernetes objects", () => {
    expect(childrenOf(resources, `${URN}stackplan:workload:Service::worker`)).toEqual([
      "aws:iam/role:Role iam-role-shop-worker",
      "aws:iam/rolePolicy:RolePolicy iam-role-policy-shop-worker",
      "kubernetes:apps/v1:Deployment deployment-shop-worker",
      "kubernetes:core/v1:ServiceAccount serviceaccount-shop-worker",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy networkpolicy-shop-worker",
      "kubernetes:policy/v1:PodDisruptionBudget poddisruptionbudget-shop-worker",
    ]);
    const role = byName("iam-role-shop-worker");
    expect(role.inputs.name).toBe("shop-dev-worker");
    expect(JSON.parse(role.inputs.assumeRolePolicy as string).Statement[0].Condition.StringEquals).toEqual({
      [`${OIDC_ISSUER}:aud`]: "sts.amazonaws.com",
      [`${OIDC_ISSUER}:sub`]: "system:serviceaccount:shop:worker",
    });
    expect(byName("iam-role-policy-shop-worker").inputs.role).toBe("shop-dev-worker");
    expect((byName("serviceaccount-shop-worker").inputs.metadata as { annotations: unknown }).annotations).toEqual({
      "eks.amazonaws.com/role-arn": "arn:aws:iam::111111111111:role/shop-dev-worker",
    });
  });

  it("the namespace and cluster-scoped groups hold the Namespace, its policies and the raw base manifests", () => {
    expect(childrenOf(resources, `${URN}stackplan:workload:Namespace::shop`)).toEqual([
      "kubernetes:core/v1:LimitRange limitrange-shop-shop-container-defaults",
      "kubernetes:core/v1:Namespace namespace-shop",
      "kubernetes:core/v1:ResourceQuota resourcequota-shop-shop-compute",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy networkpolicy-shop-allow-dns-egress",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy networkpolicy-shop-default-deny-all",
    ]);
    expect(childrenOf(resources, `${URN}stackplan:workload:ClusterScoped::cluster-scoped`)).toEqual([
      "kubernetes:scheduling.k8s.io/v1:PriorityClass priorityclass-shop-batch",
      "kubernetes:scheduling.k8s.io/v1:PriorityClass priorityclass-shop-critical",
    ]);
  });

  it("every Kubernetes object goes through the cluster's provider, every IAM object through the AWS provider", () => {
    for (const r of resources.filter((x) => x.custom && !x.type.startsWith("pulumi:providers:"))) {
      expect(r.provider, r.name).toBe(r.type.startsWith("kubernetes:") ? `${URN}pulumi:providers:kubernetes::eks` : `${URN}pulumi:providers:aws::aws`);
    }
  });

  it("pods wait for their Namespace, ServiceAccount, IRSA role and the PriorityClasses", () => {
    expect(byName("deployment-shop-worker").dependencies).toEqual(
      [
        `${URN}stackplan:workload:ClusterScoped$kubernetes:scheduling.k8s.io/v1:PriorityClass::priorityclass-shop-batch`,
        `${URN}stackplan:workload:ClusterScoped$kubernetes:scheduling.k8s.io/v1:PriorityClass::priorityclass-shop-critical`,
        `${URN}stackplan:workload:Namespace$kubernetes:core/v1:Namespace::namespace-shop`,
        `${URN}stackplan:workload:Service$aws:iam/role:Role::iam-role-shop-worker`,
        `${URN}stackplan:workload:Service$aws:iam/rolePolicy:RolePolicy::iam-role-policy-shop-worker`,
        `${URN}stackplan:workload:Service$kubernetes:core/v1:ServiceAccount::serviceaccount-shop-worker`,
      ].sort(),
    );
    expect(byName("service-shop-web").dependencies).toEqual([`${URN}stackplan:workload:Namespace$kubernetes:core/v1:Namespace::namespace-shop`]);
  });

  it("registers the manifests as planned: dev runs one replica of everything, no HPA", () => {
    const web = byName("deployment-shop-web").inputs as { spec: { replicas: number; template: { spec: { containers: { image: string }[] } } } };
    expect(web.spec.replicas).toBe(1);
    expect(web.spec.template.spec.containers[0]!.image).toBe("999999999999.dkr.ecr.us-east-1.amazonaws.com/shop/web:2.15.0-rc.1");
    expect(result.validation).toEqual({ validated: result.manifests.length, skipped: [] });
  });

  it("exports per service its namespace, exposure, URL and role", () => {
    const services = (result.outputs.workloads as { services: Record<string, unknown> }).services;
    expect(Object.keys(services)).toEqual(SERVICES);
    expect(services.web).toEqual({ namespace: "shop", exposure: "public", url: "https://dev.shop.example.com/" });
    expect(services.cart).toEqual({ namespace: "shop", exposure: "cluster", roleArn: "arn:aws:iam::111111111111:role/shop-dev-cart" });
  });
});
