/**
 * `stackplan promote` on a copy of the example platform in a git repository: the pins land in the
 * target overlay with nothing else changed, and every gate refuses with a clear message and no
 * file changed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadProject } from "../../src/project/project";
import { loadEnvironment } from "../../src/values/load";
import { runCli } from "../helpers/cli";
import { exampleRepo, git } from "../helpers/git-project";
import { snapshotTree } from "../helpers/temp-project";

let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const read = (rel: string) => fs.readFileSync(path.join(root, rel), "utf8");
const write = (rel: string, text: string) => fs.writeFileSync(path.join(root, rel), text);
const TODAY = ["--today", "2026-11-21"];

describe("stackplan promote", () => {
  it("copies the pins of dev into staging's overlay, surgically; a dry run first changes nothing", async () => {
    root = exampleRepo();
    const before = read("overlays/staging/values.yaml");

    const dry = await runCli(["promote", "--from", "dev", "--to", "staging", "--dry-run", ...TODAY], { cwd: root });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('services.web.image.tag          "2.14.1" → "2.15.0-rc.1"');
    expect(dry.stdout).toContain("Gate: dev passes (0 mandatory, 10 advisory, 0 waived); staging after the promotion passes");
    expect(dry.stdout).toContain('~ spec.template.spec.containers[name=web].image: "999999999999.dkr.ecr.us-east-1.amazonaws.com/shop/web:2.14.1" => "999999999999.dkr.ecr.us-east-1.amazonaws.com/shop/web:2.15.0-rc.1"');
    expect(dry.stdout.trimEnd().endsWith("Dry run: overlays/staging/values.yaml not changed.")).toBe(true);
    expect(read("overlays/staging/values.yaml")).toBe(before);

    const real = await runCli(["promote", "--from", "dev", "--to", "staging", ...TODAY], { cwd: root });
    expect(real.code).toBe(0);
    expect(real.stdout.trimEnd().endsWith("Wrote overlays/staging/values.yaml.")).toBe(true);
    const after = read("overlays/staging/values.yaml");
    // Only pin lines changed or were added; every comment and every other line is kept.
    const kept = before.split("\n").filter((l) => after.split("\n").includes(l));
    expect(before.split("\n").length - kept.length).toBeLessThanOrEqual(3);
    expect(after).toContain("# Staging: production-shaped on two AZs; releases soak here before prod.");
    const project = loadProject(root);
    const dev = loadEnvironment(project, "dev").spec;
    const staging = loadEnvironment(project, "staging").spec;
    for (const svc of Object.keys(dev.services)) expect(staging.services[svc]!.image.tag).toBe(dev.services[svc]!.image.tag);
    expect(staging.cluster.addons.coredns!.version).toBe(dev.cluster.addons.coredns!.version);
    expect(staging.services.web!.replicas).toBe(2); // not a pin: untouched

    const again = await runCli(["promote", "--from", "dev", "--to", "staging", ...TODAY], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("nothing to promote: every pin already matches");
  });

  it("refuses a target that is not the next env, unknown envs, and bad flags", async () => {
    root = exampleRepo();
    const snap = snapshotTree(path.join(root, "overlays"));
    const skip = await runCli(["promote", "--from", "dev", "--to", "prod"], { cwd: root });
    expect(skip.code).toBe(2);
    expect(skip.stderr).toBe(
      "stackplan: cannot promote dev → prod: the next env after dev is staging in the promotion order (dev → staging → prod); promote one step at a time, or pass --force\n",
    );
    const back = await runCli(["promote", "--from", "prod", "--to", "staging"], { cwd: root });
    expect(back.stderr).toContain("cannot promote prod → staging: staging comes before prod");
    const unknown = await runCli(["promote", "--from", "staging", "--to", "qa"], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown env "qa"');
    const format = await runCli(["promote", "--from", "dev", "--to", "staging", "--format", "html"], { cwd: root });
    expect(format.code).toBe(2);
    expect(snapshotTree(path.join(root, "overlays"))).toEqual(snap);
  });

  it("refuses to promote from an env with mandatory violations, writing nothing", async () => {
    root = exampleRepo();
    write("overlays/staging/values.yaml", read("overlays/staging/values.yaml").replace("enforcement: advisory", "enforcement: mandatory").replace('web: { image: { tag: "2.14.1" } }', "web: { image: { tag: latest } }"));
    git(root, "commit", "--quiet", "-am", "break staging");
    const snap = snapshotTree(path.join(root, "overlays"));
    const res = await runCli(["promote", "--from", "staging", "--to", "prod", ...TODAY], { cwd: root });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain("Gate: staging FAILS (1 mandatory");
    expect(res.stdout).toContain("Refused, nothing written: staging has 1 mandatory policy violation (stackplan check --env staging)");
    expect(res.stderr).toContain("promotion refused");
    expect(snapshotTree(path.join(root, "overlays"))).toEqual(snap);
  });

  it("refuses to overwrite a local edit of the same pin", async () => {
    root = exampleRepo();
    write("overlays/prod/values.yaml", read("overlays/prod/values.yaml").replace("  checkout: { replicas: 3 }", '  checkout: { replicas: 3, image: { tag: "5.0.8-hotfix" } }'));
    const snap = snapshotTree(path.join(root, "overlays"));
    const res = await runCli(["promote", "--from", "staging", "--to", "prod", ...TODAY], { cwd: root });
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      'stackplan: overlays/prod/values.yaml: services.checkout.image.tag: edited locally (undefined in the last commit, "5.0.8-hotfix" now); the promotion would set "5.0.7". Commit or revert the local edit first\n',
    );
    expect(snapshotTree(path.join(root, "overlays"))).toEqual(snap);
  });

  it("prints Markdown for a pull request description", async () => {
    root = exampleRepo();
    const res = await runCli(["promote", "--from", "staging", "--to", "prod", "--dry-run", "--format", "markdown", ...TODAY], { cwd: root });
    expect(res.code).toBe(0);
    const md = res.stdout;
    expect(md.split("\n")[0]).toBe("## stackplan promote: `staging` → `prod`");
    expect(md).toContain("| `services.web.image.tag` | `2.14.0` | `2.14.1` |");
    expect(md).toContain("### stackplan diff: `prod` → `prod (promoted)`");
  });
});
