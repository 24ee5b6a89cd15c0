import { describe, expect, it } from "vitest";
import { findLocalConflicts } from "../../src/promote/conflicts";
import { planPromotion } from "../../src/promote/pins";

const GLOBS = ["services.*.image.tag", "services.*.image.digest", "cluster.version", "cluster.addons.*.version"];

const staging = {
  cluster: { version: "1.35", addons: { coredns: { version: "v1.12.4-eksbuild.2" }, "kube-proxy": { version: "v1.34.1" } } },
  services: {
    web: { image: { repository: "r/web", tag: "2.15.0" }, replicas: 2 },
    api: { image: { repository: "r/api", tag: "3.9.0", digest: "sha256:aa" } },
    brandnew: { image: { repository: "r/new", tag: "0.1.0" } },
  },
};
const prod = {
  cluster: { version: "1.34", addons: { coredns: { version: "v1.12.4-eksbuild.1" }, "kube-proxy": { version: "v1.34.1" } } },
  services: {
    web: { image: { repository: "r/web", tag: "2.14.1", digest: "sha256:bb" }, replicas: 3 },
    api: { image: { repository: "r/api", tag: "3.8.2" } },
    legacy: { image: { repository: "r/legacy", tag: "1.0.0" } },
  },
};

describe("planPromotion", () => {
  const plan = planPromotion(GLOBS, staging, prod);

  it("copies differing pins, in path order", () => {
    expect(plan.changes.map((c) => [c.path.join("."), c.from, c.to])).toEqual([
      ["cluster.addons.coredns.version", "v1.12.4-eksbuild.1", "v1.12.4-eksbuild.2"],
      ["cluster.version", "1.34", "1.35"],
      ["services.api.image.digest", undefined, "sha256:aa"],
      ["services.api.image.tag", "3.8.2", "3.9.0"],
      ["services.web.image.digest", "sha256:bb", null],
      ["services.web.image.tag", "2.14.1", "2.15.0"],
    ]);
  });

  it("never copies what is not a pin (replicas, repositories)", () => {
    expect(plan.changes.some((c) => c.path.includes("replicas") || c.path.includes("repository"))).toBe(false);
  });

  it("skips entries only one env has, saying why", () => {
    expect(plan.skipped).toEqual([
      { path: "services.brandnew", reason: "only in the source env (a new entry is not a pin)" },
      { path: "services.legacy", reason: "only in the target env" },
    ]);
  });

  it("finds nothing to do between equal envs", () => {
    expect(planPromotion(GLOBS, prod, prod).changes).toEqual([]);
  });
});

describe("findLocalConflicts", () => {
  const changes = planPromotion(GLOBS, staging, prod).changes;
  const committed = "services:\n  web: { image: { tag: 2.14.1 } }\n";

  it("flags a pin edited locally to another value than the promoted one", () => {
    const working = "services:\n  web: { image: { tag: 2.14.2-hotfix } }\n";
    expect(findLocalConflicts(committed, working, changes)).toEqual([
      { path: "services.web.image.tag", committed: "2.14.1", local: "2.14.2-hotfix", promoted: "2.15.0" },
    ]);
  });

  it("accepts local edits of other values, and a local edit equal to the promoted value", () => {
    expect(findLocalConflicts(committed, "services:\n  web: { image: { tag: 2.14.1 } }\n  api: { replicas: 4 }\n", changes)).toEqual([]);
    expect(findLocalConflicts(committed, "services:\n  web: { image: { tag: 2.15.0 } }\n", changes)).toEqual([]);
  });

  it("has nothing to compare for an untracked file", () => {
    expect(findLocalConflicts(undefined, "anything: 1\n", changes)).toEqual([]);
  });
});
