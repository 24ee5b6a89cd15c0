import { beforeAll, describe, expect, it } from "vitest";
import { planManifests, planWorkloads, workloadContext } from "../../components/workload/index";
import { serviceSpec } from "../../src/spec/services";
import type { PlanResource } from "../../src/plan/types";
import { registerWorkloads } from "../../src/program/register-workloads";
import { harness, type Harness } from "./workload-harness";

/** dev, with web reading a session key and a payment token from the stack's secret config. */
describe("pulumiSecret env values, under mocks", () => {
  let h: Harness;
  let resources: PlanResource[];

  const withSecrets = (env: Harness["env"], keys: Record<string, string>) => {
    const web = env.spec.services.web!;
    const secretEnv = Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, { pulumiSecret: key }]));
    const parsed = serviceSpec.parse({ ...web, env: { ...web.env, ...secretEnv } });
    return { ...env.spec, services: { ...env.spec.services, web: { ...parsed, namespace: web.namespace } } };
  };

  beforeAll(async () => {
    h = await harness("dev", { "stackplan:webSessionKey": "s3cr3t-session" }, ["stackplan:webSessionKey"]);
  });

  it("a missing key is an InputError naming the stack file, the key and the env var", async () => {
    const spec = withSecrets(h.env, { SESSION_KEY: "webSessionKey", PAYMENT_TOKEN: "paymentToken", SIGNING_KEY: "signingKey" });
    const plan = planWorkloads(workloadContext(spec, h.env.facts, h.infra.vpcCidr));
    await expect(registerWorkloads(h.env, h.infra, plan, planManifests(plan))).rejects.toThrow(
      [
        "2 secrets are missing from the stack config:",
        "  stacks/Pulumi.dev.yaml: config.stackplan:paymentToken: missing secret needed by services.web.env.PAYMENT_TOKEN; set it with `pulumi config set --secret stackplan:paymentToken <value> --stack dev`",
        "  stacks/Pulumi.dev.yaml: config.stackplan:signingKey: missing secret needed by services.web.env.SIGNING_KEY; set it with `pulumi config set --secret stackplan:signingKey <value> --stack dev`",
      ].join("\n"),
    );
  });

  it("the per-service Secret carries the config value as a Pulumi secret; the plan never shows it", async () => {
    const spec = withSecrets(h.env, { SESSION_KEY: "webSessionKey" });
    const plan = planWorkloads(workloadContext(spec, h.env.facts, h.infra.vpcCidr));
    await registerWorkloads(h.env, h.infra, plan, planManifests(plan));
    resources = await h.resources();
    const secret = resources.find((r) => r.name === "secret-shop-web-pulumi-secrets")!;
    expect(secret.type).toBe("kubernetes:core/v1:Secret");
    expect(secret.parent).toBe("urn:pulumi:dev::shop-platform::stackplan:workload:Service::web");
    expect(secret.inputs.stringData).toBe("[secret]");
    expect(secret.secretPaths).toContain("stringData");
    expect(JSON.stringify(resources)).not.toContain("s3cr3t-session");
    const deployment = resources.find((r) => r.name === "deployment-shop-web")!;
    expect(deployment.dependencies).toContain(secret.urn);
  });
});
