/** Transformer helpers: image rewriting, hash suffixes, label selectors. */
import { describe, expect, it } from "vitest";
import { hashSuffix } from "../../src/kustomize/hash";
import { parseSelector } from "../../src/kustomize/selector";
import { retag, splitImage } from "../../src/kustomize/transformers/images";

describe("images", () => {
  it.each([
    ["nginx", ["nginx", "", ""]],
    ["nginx:1.25", ["nginx", "1.25", ""]],
    ["reg.io:5000/app:1@sha256:ab", ["reg.io:5000/app", "1", "sha256:ab"]],
    ["app@sha256:ab", ["app", "", "sha256:ab"]],
  ])("splits %s", (image, parts) => {
    expect(splitImage(image)).toEqual(parts);
  });
  it.each([
    ["nginx:1.25", { name: "nginx", newTag: "1.27" }, "nginx:1.27"],
    ["nginx:1.25", { name: "nginx", digest: "sha256:ff" }, "nginx@sha256:ff"],
    ["nginx", { name: "nginx", newTag: "2", digest: "sha256:ff" }, "nginx:2@sha256:ff"],
    ["nginx:1", { name: "nginx", newName: "mirror/nginx" }, "mirror/nginx:1"],
    ["nginx:1", { name: "nginx", tagSuffix: "-debug" }, "nginx:1-debug"],
  ])("%s with %j → %s", (image, img, out) => {
    expect(retag(image, img)).toBe(out);
  });
});

describe("hash suffix", () => {
  it("matches kustomize for known inputs (name and labels do not count)", () => {
    expect(hashSuffix({ kind: "ConfigMap", metadata: { name: "x" }, data: { FOO: "bar" } })).toBe("59m54fbgh2");
    expect(hashSuffix({ kind: "Secret", metadata: { name: "y", labels: { a: "b" } }, type: "Opaque", data: { PASS: Buffer.from("secret").toString("base64") } })).toBe("648g5hdgbt");
  });
});

describe("label selectors", () => {
  it.each([
    ["app=web", { app: "web" }, true],
    ["app=web", { app: "db" }, false],
    ["app!=web", {}, true],
    ["tier in (a,b)", { tier: "b" }, true],
    ["tier notin (a,b)", { tier: "b" }, false],
    ["app,!legacy", { app: "x" }, true],
    ["app,!legacy", { app: "x", legacy: "1" }, false],
  ])("%s on %j is %s", (sel, labels, ok) => {
    expect(parseSelector(sel, {})(labels)).toBe(ok);
  });
});
