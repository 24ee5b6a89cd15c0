/**
 * The GitHub Actions workflows are valid and only call what exists: every `npx stackplan <cmd>`
 * is a command with those flags, every script and reusable workflow is in the repository, and the
 * deploy runs the envs in promotion order with the policy pack.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadProject } from "../../src/project/project";
import { listStacks } from "../../src/project/stack-config";
import { runCli } from "../helpers/cli";
import { REPO_ROOT } from "../helpers/temp-project";

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string; id?: string };
type Job = { "runs-on"?: string; steps?: Step[]; uses?: string; with?: Record<string, unknown>; needs?: string | string[]; environment?: string };
type Workflow = { name: string; on: Record<string, unknown>; jobs: Record<string, Job> };

const DIR = path.join(REPO_ROOT, ".github/workflows");
const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".yml")).sort();
const workflows = new Map(files.map((f) => [f, parse(fs.readFileSync(path.join(DIR, f), "utf8")) as Workflow]));
const steps = [...workflows.values()].flatMap((w) => Object.values(w.jobs).flatMap((j) => j.steps ?? []));

/** `npx stackplan <command> --flag …` invocations in the run scripts, `${{ … }}` kept as one token. */
function stackplanCalls(): { command: string; flags: string[] }[] {
  return steps
    .flatMap((s) => (s.run ?? "").split("\n"))
    .map((line) => /npx stackplan\s+(.*)$/.exec(line)?.[1])
    .filter((rest): rest is string => rest !== undefined)
    .map((rest) => {
      const tokens = rest.replace(/\$\{\{[^}]*\}\}/g, "EXPR").split(/\s+/).filter(Boolean);
      return { command: tokens[0]!, flags: tokens.filter((t) => t.startsWith("--")).map((t) => t.split("=")[0]!) };
    });
}

describe("GitHub Actions workflows", () => {
  it("are the PR review, the deploy and its reusable per-env workflow", () => {
    expect(files).toEqual(["deploy-env.yml", "deploy.yml", "pull-request.yml"]);
  });

  it.each(files)("%s is a valid workflow: triggers, jobs, steps that run or use one thing", (file) => {
    const w = workflows.get(file)!;
    expect(typeof w.name).toBe("string");
    expect(Object.keys(w.on).length).toBeGreaterThan(0);
    for (const [id, job] of Object.entries(w.jobs)) {
      expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
      if (job.uses) {
        expect(job.steps).toBeUndefined();
        continue;
      }
      expect(job["runs-on"]).toBeTruthy();
      expect(job.steps!.length).toBeGreaterThan(0);
      for (const step of job.steps!) expect([step.uses, step.run].filter(Boolean)).toHaveLength(1);
    }
  });

  it("calls stackplan commands that exist, with flags they accept", async () => {
    const calls = stackplanCalls();
    expect(calls.map((c) => c.command).sort()).toEqual(["check", "ci", "rules"]);
    for (const call of calls) {
      const help = await runCli([call.command, "--help"], { cwd: REPO_ROOT });
      expect(help.code).toBe(0);
      for (const flag of call.flags) expect(help.stdout, `${call.command} ${flag}`).toContain(flag);
    }
  });

  it("runs scripts and reusable workflows that are in the repository, with their required inputs", () => {
    for (const s of steps) {
      const script = /node (scripts\/\S+)/.exec(s.run ?? "")?.[1];
      if (script) expect(fs.existsSync(path.join(REPO_ROOT, script)), script).toBe(true);
    }
    for (const w of workflows.values()) {
      for (const job of Object.values(w.jobs)) {
        if (!job.uses?.startsWith("./")) continue;
        const called = workflows.get(path.basename(job.uses))!;
        const inputs = (called.on.workflow_call as { inputs: Record<string, { required?: boolean }> }).inputs;
        for (const key of Object.keys(job.with ?? {})) expect(Object.keys(inputs)).toContain(key);
        for (const [key, spec] of Object.entries(inputs)) if (spec.required) expect(job.with).toHaveProperty(key);
      }
    }
  });

  it("deploys in promotion order, prod last, each env behind its GitHub environment", () => {
    const deploy = workflows.get("deploy.yml")!;
    const order = listStacks(loadProject(REPO_ROOT)).map((s) => s.facts.name);
    expect(Object.keys(deploy.jobs)).toEqual(order);
    order.forEach((env, i) => {
      expect(deploy.jobs[env]!.with).toEqual({ env });
      expect(deploy.jobs[env]!.needs).toEqual(i === 0 ? undefined : order[i - 1]);
    });
    const perEnv = workflows.get("deploy-env.yml")!.jobs.deploy!;
    expect(perEnv.environment).toBe("${{ inputs.env }}");
  });

  it("previews then applies with the official Pulumi action and the policy pack", () => {
    const pulumi = workflows.get("deploy-env.yml")!.jobs.deploy!.steps!.filter((s) => s.uses?.startsWith("pulumi/actions@"));
    expect(pulumi.map((s) => s.with!.command)).toEqual(["preview", "up"]);
    for (const s of pulumi) {
      expect(s.with!.policyPacks).toBe("policies");
      expect(s.with!.policyPackConfigs).toBe("policies/config/${{ inputs.env }}.json");
      expect(s.with!["stack-name"]).toBe("${{ inputs.env }}");
    }
    expect(fs.existsSync(path.join(REPO_ROOT, "policies/PulumiPolicy.yaml"))).toBe(true);
  });

  it("posts the ci reports where stackplan ci writes them", () => {
    const pr = workflows.get("pull-request.yml")!.jobs.plan!.steps!;
    const ci = pr.find((s) => s.run?.includes("npx stackplan ci"))!;
    const out = /--out (\S+)/.exec(ci.run!)![1];
    expect(pr.find((s) => s.run?.includes("pr-comment.mjs"))!.run).toContain(`${out}/stackplan-report.md`);
    expect(pr.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))!.with!.sarif_file).toBe(`${out}/stackplan.sarif`);
  });
});
