/** BuildOptions.injected: objects stackplan generates are accumulated first by the root and patched like resources. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect, it } from "vitest";
import { buildKustomization, serializeObjects } from "../../src/kustomize/index";

it("injected objects are patched, prefixed and sorted with the root's resources", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-kinj-"));
  try {
    fs.writeFileSync(
      path.join(dir, "kustomization.yaml"),
      "namePrefix: dev-\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n      replicas: 1\n",
    );
    const injected = [
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { replicas: 3 } },
      { apiVersion: "v1", kind: "Service", metadata: { name: "web" } },
    ];
    const out = serializeObjects(buildKustomization(dir, { injected }));
    expect(out).toBe(
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: dev-web\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: dev-web\nspec:\n  replicas: 1\n",
    );
    expect((injected[0]!.spec as { replicas: number }).replicas).toBe(3);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
