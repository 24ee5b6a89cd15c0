import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli";
import { REPO_ROOT } from "../helpers/temp-project";

describe("stackplan spec", () => {
  it("prints the resolved spec as YAML headed by its layers", async () => {
    const res = await runCli(["spec", "--env", "dev"], { cwd: REPO_ROOT });
    expect(res.code).toBe(0);
    const [head, ...rest] = res.stdout.split("\n");
    expect(head).toBe("# env dev (development, us-east-1): overlays/base/values.yaml → overlays/shared-nonprod/values.yaml → overlays/dev/values.yaml");
    expect(parse(rest.join("\n")).cluster.name).toBe("shop-dev");
  });

  it("prints deterministic JSON with --json", async () => {
    const a = await runCli(["spec", "--env", "prod", "--json"], { cwd: REPO_ROOT });
    const b = await runCli(["spec", "--env", "prod", "--json", "--root", REPO_ROOT], { cwd: "/" });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).network.azIds).toEqual(["use1-az1", "use1-az2", "use1-az4"]);
  });

  it("has a --help that names its options", async () => {
    const res = await runCli(["spec", "--help"], { cwd: REPO_ROOT });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("--env <env>");
    expect(res.stdout).toContain("--json");
    expect(res.stdout).toContain("--root <dir>");
  });
});
