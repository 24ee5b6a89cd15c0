import { describe, expect, it } from "vitest";
import {
  imageReference,
  namespaceManifest,
  planNamespace,
  planService,
  planWorkloads,
  serviceLabels,
} from "../../../components/workload/index";
import { irsaTrustDocument } from "../../../components/shared/iam";
import { ctx, SERVICE_LABELS, svc, WORKER } from "./fixtures";

const worker = WORKER;

const context = ctx({ worker });
const plan = planService("worker", context);
const find = (kind: string) => plan.manifests.find((m) => m.kind === kind)!;
const podSpec = () => ((find("Deployment").spec as { template: { spec: Record<string, unknown> } }).template.spec);

describe("IRSA", () => {
  it("annotates the ServiceAccount with the role ARN derived offline from <cluster>-<service>", () => {
    expect(find("ServiceAccount")).toEqual({
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: {
        name: "worker",
        namespace: "shop",
        labels: SERVICE_LABELS("worker", "standard", null),
        annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::333333333333:role/shop-prod-worker" },
      },
      automountServiceAccountToken: false,
    });
  });

  it("plans the role with the inline policy from the statements and the managed policies", () => {
    expect(plan.irsa).toEqual({
      service: "worker",
      namespace: "shop",
      serviceAccount: "worker",
      roleName: "shop-prod-worker",
      roleArn: "arn:aws:iam::333333333333:role/shop-prod-worker",
      inlinePolicy: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["sqs:DeleteMessage"], Resource: ["arn:aws:sqs:us-east-1:333333333333:orders"] }],
      },
      managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess"],
    });
  });

  it("trusts the cluster's OIDC provider for this ServiceAccount and STS only", () => {
    const arn = "arn:aws:iam::333333333333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC";
    expect(irsaTrustDocument(arn, "https://oidc.eks.us-east-1.amazonaws.com/id/ABC", "shop", "worker")).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: arn },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: {
            StringEquals: {
              "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com",
              "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:shop:worker",
            },
          },
        },
      ],
    });
  });

  it.each([
    ["us-east-1", "arn:aws:iam::333333333333:role/shop-prod-worker"],
    ["cn-north-1", "arn:aws-cn:iam::333333333333:role/shop-prod-worker"],
    ["us-gov-west-1", "arn:aws-us-gov:iam::333333333333:role/shop-prod-worker"],
  ])("the role ARN uses the partition of %s", (region, arn) => {
    expect(planService("worker", ctx({ worker }, { region })).irsa!.roleArn).toBe(arn);
  });

  it("no aws block: no role and no annotation", () => {
    const p = planService("a", ctx({ a: svc({}) }));
    expect(p.irsa).toBeUndefined();
    expect(p.manifests[0]!.metadata.annotations).toBeUndefined();
  });

  it("a role name over 64 characters is an InputError naming the service", () => {
    const c = ctx({ worker }, { clusterName: "c".repeat(60) });
    expect(() => planService("worker", c)).toThrow(
      `services.worker.aws: the IRSA role name "${"c".repeat(60)}-worker" (<cluster>-<service>) has 67 characters; IAM allows 64: shorten the cluster or the service name`,
    );
  });
});

describe("env", () => {
  it("sorts variables by name and maps every source", () => {
    expect((podSpec().containers as Record<string, unknown>[])[0]!.env).toEqual([
      { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "worker-pulumi-secrets", key: "DB_PASSWORD" } } },
      { name: "FLAGS", valueFrom: { configMapKeyRef: { name: "flags", key: "all" } } },
      { name: "QUEUE", value: "orders" },
      { name: "TOKEN", valueFrom: { secretKeyRef: { name: "tokens", key: "api" } } },
    ]);
  });

  it("pulumiSecret values live in a per-service Secret with placeholders until registration", () => {
    expect(find("Secret")).toEqual({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "worker-pulumi-secrets", namespace: "shop", labels: SERVICE_LABELS("worker", "standard", null) },
      type: "Opaque",
      stringData: { DB_PASSWORD: "[secret]" },
    });
    expect(plan.pulumiSecret).toEqual({ service: "worker", namespace: "shop", name: "worker-pulumi-secrets", keys: { DB_PASSWORD: "workerDbPassword" } });
  });
});

describe("placement", () => {
  it("selects the node group and tolerates its taints (with and without a value)", () => {
    expect(podSpec().nodeSelector).toEqual({ "stackplan.dev/node-group": "batch" });
    expect(podSpec().tolerations).toEqual([
      { key: "workload", operator: "Equal", value: "batch", effect: "NoSchedule" },
      { key: "spot", operator: "Exists", effect: "PreferNoSchedule" },
    ]);
  });

  it("an untainted node group: a nodeSelector, no tolerations; no node group: neither", () => {
    const general = planService("a", ctx({ a: svc({ nodeGroup: "general" }) })).manifests.find((m) => m.kind === "Deployment")!;
    const spec = (general.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    expect(spec.nodeSelector).toEqual({ "stackplan.dev/node-group": "general" });
    expect(spec.tolerations).toBeUndefined();
    const anywhere = planService("a", ctx({ a: svc({}) })).manifests.find((m) => m.kind === "Deployment")!;
    expect((anywhere.spec as { template: { spec: Record<string, unknown> } }).template.spec.nodeSelector).toBeUndefined();
  });
});

describe("images and labels", () => {
  const repo = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web";
  const digest = `sha256:${"b".repeat(64)}`;
  it.each([
    [{ repository: repo, tag: "2.1.0" }, `${repo}:2.1.0`],
    [{ repository: repo, digest }, `${repo}@${digest}`],
    [{ repository: repo, tag: "2.1.0", digest }, `${repo}:2.1.0@${digest}`],
  ])("%j → %s", (image, ref) => {
    expect(imageReference(image)).toBe(ref);
  });

  it.each([
    ["2.1.0", "2.1.0"],
    ["2.1.0-rc.1", "2.1.0-rc.1"],
    ["v".repeat(64), undefined],
    ["build-", undefined],
  ])("tag %s → version label %s", (tag, label) => {
    const s = svc({ image: { repository: repo, tag } });
    expect(serviceLabels("a", s, ctx({ a: s }))["app.kubernetes.io/version"]).toBe(label);
  });

  it("pod labels add to the template labels, never to the selector", () => {
    const s = svc({ podLabels: { team: "checkout" }, podAnnotations: { "prometheus.io/scrape": "true" } });
    const d = planService("a", ctx({ a: s })).manifests.find((m) => m.kind === "Deployment")!;
    const spec = d.spec as { selector: unknown; template: { metadata: unknown } };
    expect(spec.selector).toEqual({ matchLabels: { "app.kubernetes.io/name": "a" } });
    expect(spec.template.metadata).toEqual({ labels: { team: "checkout", ...SERVICE_LABELS("a") }, annotations: { "prometheus.io/scrape": "true" } });
  });
});

describe("namespaces", () => {
  it("each namespace gets the Namespace, a default deny and DNS egress", () => {
    const p = planWorkloads(ctx({ b: svc({}, "two"), a: svc({}, "one") }));
    expect(p.namespaces.map((n) => [n.name, n.manifests.map((m) => `${m.kind}/${m.metadata.name}`)])).toEqual([
      ["one", ["Namespace/one", "NetworkPolicy/default-deny-all", "NetworkPolicy/allow-dns-egress"]],
      ["two", ["Namespace/two", "NetworkPolicy/default-deny-all", "NetworkPolicy/allow-dns-egress"]],
    ]);
    expect(p.services.map((s) => s.name)).toEqual(["a", "b"]);
  });

  it.each([
    [{}, "restricted"],
    [{ securityContext: { runAsNonRoot: false, runAsUser: 0 } }, "baseline"],
    [{ securityContext: { privileged: true } }, "privileged"],
  ])("Pod Security Admission level for %j: %s", (raw, level) => {
    const c = ctx({ a: svc(raw) });
    expect(namespaceManifest("shop", [c.services.a!], c)).toEqual({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "shop", labels: { "app.kubernetes.io/part-of": "shop", "app.kubernetes.io/managed-by": "pulumi", "pod-security.kubernetes.io/enforce": level } },
    });
  });

  it("the namespace-wide policies: deny everything, then DNS to CoreDNS", () => {
    const [, deny, dns] = planNamespace("shop", ctx({})).manifests;
    expect(deny!.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    expect(dns!.spec).toEqual({
      egress: [
        {
          ports: [
            { port: 53, protocol: "UDP" },
            { port: 53, protocol: "TCP" },
          ],
          to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
        },
      ],
      podSelector: {},
      policyTypes: ["Egress"],
    });
  });
});
