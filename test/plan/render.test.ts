/**
 * renderEnv on the fixture project: deterministic bytes, secrets never in plan.json, manifests
 * GitOps-ready (masked or, on request, revealed secrets), worker stats.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/project/project";
import { renderEnv, type RenderedEnv } from "../../src/plan/render";
import { snapshotTree } from "../helpers/temp-project";
import { FIXTURE } from "./helpers";

const CIPHERTEXT = "ZGV2LWNpcGhlcnRleHQ="; // dev's `secure:` value in the fixture's stack file
let tmp: string;
let first: RenderedEnv;
let files: Record<string, string>;
let again: Record<string, string>;
let revealed: Record<string, string>;
let sdkMonitor: Record<string, string>;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-render-"));
  const project = loadProject(FIXTURE);
  first = await renderEnv(project, "dev", { out: path.join(tmp, "a") });
  files = snapshotTree(path.join(tmp, "a", "dev"));
  await renderEnv(project, "dev", { out: path.join(tmp, "b") });
  again = snapshotTree(path.join(tmp, "b", "dev"));
  await renderEnv(project, "dev", { out: path.join(tmp, "c"), revealSecrets: true });
  revealed = snapshotTree(path.join(tmp, "c", "dev"));
  // STACKPLAN_DEBUG renders through the SDK's own mock monitor (no fast registration).
  await renderEnv(project, "dev", { out: path.join(tmp, "d"), debug: true });
  sdkMonitor = snapshotTree(path.join(tmp, "d", "dev"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("render", () => {
  it("writes byte-for-byte the same output twice, without absolute paths", () => {
    expect(again).toEqual(files);
    expect(Object.values(files).join("\n")).not.toContain(tmp);
    expect(files["plan.json"]).not.toContain(FIXTURE);
  });

  it("registers resources as the SDK's mock monitor does: the same bytes with the fast registration", () => {
    expect(sdkMonitor).toEqual(files);
  });

  it("returns the manifests in memory, and only their number when it wrote them", async () => {
    const inMemory = await renderEnv(loadProject(FIXTURE), "dev");
    const written = Object.keys(files).filter((f) => f.startsWith("manifests/") && f !== "manifests/kustomization.yaml");
    expect(inMemory.manifests?.map((m) => `manifests/${m.file}`).sort()).toEqual(written.sort());
    expect(inMemory.manifestCount).toBe(written.length);
    expect(first.manifests).toBeUndefined();
    expect(first.manifestCount).toBe(written.length);
  });

  it("returns the plan it wrote, with the env's facts and policy", () => {
    expect(JSON.parse(files["plan.json"]!)).toEqual(JSON.parse(JSON.stringify(first.plan)));
    expect(first.plan.env).toMatchObject({ name: "dev", account: "111111111111", class: "development" });
    expect(first.plan.policy.enforcement).toBe("advisory");
    expect(first.peakRssBytes).toBeGreaterThan(10 * 1024 * 1024);
  });

  it("keeps secrets out of plan.json but fingerprints them", () => {
    const secret = first.plan.resources.find((r) => r.type === "kubernetes:core/v1:Secret")!;
    expect(secret.inputs.stringData).toBe("[secret]");
    expect(secret.secretFingerprints?.stringData).toMatch(/^hmac-sha256:[0-9a-f]{16}$/);
    expect(files["plan.json"]).not.toContain(CIPHERTEXT);
  });

  it("writes one manifest per Kubernetes object and a kustomization listing them", () => {
    const manifests = Object.keys(files).filter((f) => f.startsWith("manifests/")).sort();
    expect(manifests).toEqual([
      "manifests/configmap-shop-web-config.yaml",
      "manifests/deployment-shop-web.yaml",
      "manifests/kustomization.yaml",
      "manifests/namespace-shop.yaml",
      "manifests/poddisruptionbudget-shop-web.yaml",
      "manifests/secret-shop-web-db.yaml",
      "manifests/service-shop-web.yaml",
      "manifests/serviceaccount-shop-web.yaml",
    ]);
    expect(parse(files["manifests/kustomization.yaml"]!).resources).toHaveLength(7);
  });

  it("masks a Secret's values but keeps its keys; --reveal-secrets shows them in manifests only", () => {
    expect(parse(files["manifests/secret-shop-web-db.yaml"]!).stringData).toEqual({ password: "[secret]", user: "[secret]" });
    expect(parse(revealed["manifests/secret-shop-web-db.yaml"]!).stringData).toEqual({ password: "v1:ZGV2LXNhbHQ=:ZGV2LWNpcGhlcnRleHQ=", user: "shop" });
    expect(revealed["plan.json"]).toBe(files["plan.json"]);
  });

  it("warns about values only known after apply", () => {
    expect(first.warnings).toContain("1 manifest holds values known only after apply ([unknown]): serviceaccount-shop-web.yaml");
  });
});
