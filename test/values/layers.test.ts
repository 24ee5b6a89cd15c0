import * as fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { loadProject } from "../../src/project/project";
import { InputError } from "../../src/util/errors";
import { resolveLayers } from "../../src/values/layers";
import { loadEnvironment } from "../../src/values/load";
import { tempProject } from "../helpers/temp-project";

const STACK = (overlay: string) => `config:
  aws:region: eu-west-1
  stackplan:account: "123456789012"
  stackplan:overlay: ${overlay}
  stackplan:order: 1
  stackplan:class: development
`;

const BASE = `platform: { name: shop }
cluster: { name: "c-{{env.name}}", version: "1.34" }
nodeGroups:
  general: { instanceTypes: [m5.large], minSize: 2, maxSize: 4, desiredSize: 2 }
services:
  web:
    image: { repository: r/web, tag: "1" }
    ports: [{ name: http, containerPort: 8080 }]
    resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 256Mi } }
`;

let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function project(files: Record<string, string>) {
  root = tempProject({ "Pulumi.yaml": "name: p\nruntime: nodejs\nstackConfigDir: stacks\n", "stacks/Pulumi.dev.yaml": STACK("dev"), "overlays/base/values.yaml": BASE, ...files });
  return loadProject(root);
}

describe("values layers", () => {
  it("parses a layer file once while its text stays the same, and again when it changes", () => {
    const p = project({ "stacks/Pulumi.prod.yaml": STACK("prod"), "overlays/dev/values.yaml": "services: { web: { replicas: 1 } }\n", "overlays/prod/values.yaml": "services: { web: { replicas: 3 } }\n" });
    const baseOf = (env: string) => resolveLayers(p, env)[0]!;
    expect(baseOf("dev").yaml).toBe(baseOf("prod").yaml);
    fs.writeFileSync(`${root}/overlays/base/values.yaml`, BASE.replace("shop", "mall"));
    expect((baseOf("dev").values.platform as { name: string }).name).toBe("mall");
    expect(loadEnvironment(p, "prod").spec.platform.name).toBe("mall");
  });

  it("orders base, the extends chain outermost first, then the env", () => {
    const p = project({
      "overlays/dev/values.yaml": "extends: nonprod\nservices: { web: { replicas: 1 } }\n",
      "overlays/nonprod/values.yaml": "extends: shared\nservices: { web: { replicas: 3 } }\n",
      "overlays/shared/values.yaml": "services: { web: { replicas: 5, criticality: critical } }\n",
    });
    expect(resolveLayers(p, "dev").map((l) => l.name)).toEqual(["base", "shared", "nonprod", "dev"]);
    const env = loadEnvironment(p, "dev");
    expect(env.spec.services.web!.replicas).toBe(1);
    expect(env.spec.services.web!.criticality).toBe("critical");
    expect(env.merged).not.toHaveProperty("extends");
  });

  it("accepts an explicit `extends: base`", () => {
    const p = project({ "overlays/dev/values.yaml": "extends: base\n" });
    expect(resolveLayers(p, "dev").map((l) => l.name)).toEqual(["base", "dev"]);
  });

  it("treats an overlay folder without values.yaml as an empty layer", () => {
    const p = project({ "overlays/dev/kustomization.yaml": "resources: []\n" });
    expect(loadEnvironment(p, "dev").spec.services.web!.replicas).toBe(2);
  });

  it("deletes a service with null in an overlay", () => {
    const p = project({ "overlays/dev/values.yaml": "services: { web: null }\n" });
    expect(loadEnvironment(p, "dev").spec.services).toEqual({});
  });

  it("refuses a base that extends something", () => {
    const p = project({ "overlays/base/values.yaml": `extends: dev\n${BASE}`, "overlays/dev/values.yaml": "{}\n" });
    expect(() => resolveLayers(p, "dev")).toThrow(new InputError({ file: "overlays/base/values.yaml", path: "extends", line: 1, column: 1, message: "the base layer cannot extend another layer" }));
  });

  it("refuses an extends that is not a layer name", () => {
    const p = project({ "overlays/dev/values.yaml": "extends: [a, b]\n" });
    expect(() => resolveLayers(p, "dev")).toThrow(/overlays\/dev\/values\.yaml:1:1: extends: expected the name of a layer under overlays\/, got \["a","b"\]/);
  });

  it("refuses a values file that is not a mapping", () => {
    const p = project({ "overlays/dev/values.yaml": "- a\n- b\n" });
    expect(() => resolveLayers(p, "dev")).toThrow("overlays/dev/values.yaml:1: expected a mapping of values at the top level, got a list");
  });

  it("applies schema defaults and resolves the service namespace", () => {
    const p = project({ "overlays/dev/values.yaml": "platform: { namespace: store }\n" });
    const spec = loadEnvironment(p, "dev").spec;
    expect(spec.services.web!.namespace).toBe("store");
    expect(spec.network.nat).toBe("perAz");
    expect(spec.cluster.endpoint).toEqual({ privateAccess: true, publicAccess: false, publicAccessCidrs: [] });
    expect(spec.policy).toEqual({ enforcement: "advisory", overrides: {}, waivers: [] });
  });
});
