/**
 * The render worker: a child process that runs one stack's Pulumi program under runtime mocks
 * and reports its plan (see worker-protocol.ts). Started by runner.ts; never run by hand.
 *
 * Steps: set the project root and the stack's config, install the mocks, require the program
 * named by Pulumi.yaml `main`, await what it exports (a function is called, as the Pulumi
 * language host does), wait for every registration, then build the plan and the manifests and,
 * when asked, write them into the parent's staging directory: each worker writes its own env's
 * files, so neither the files nor their writing pass through the parent.
 */
import * as path from "node:path";
import { deferUnusedModules } from "./deferred-modules";
import { stableStringify } from "../util/stable-json";
import { buildManifests, type Manifest } from "./manifests";
import { writeOutputFiles, type OutputFile } from "./output-files";
import { kustomizationYaml, manifestYaml } from "./manifest-yaml";
import type { MockSession } from "./mock-runtime";
import { inputsByPlanUrn, planResources } from "./plan-resources";
import { PLAN_FORMAT_VERSION, type Plan } from "./types";
import { handedEnvironmentTaken, publishHandedEnvironment } from "../values/handoff";
import { normalizeWire } from "./wire";
import type { RenderRequest, WorkerFailure, WorkerMessage, WorkerResult } from "./worker-protocol";

// Before anything loads @pulumi/pulumi (mock-runtime does): see deferred-modules.ts.
deferUnusedModules();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { installMocks, settle } = require("./mock-runtime") as typeof import("./mock-runtime");

const PROGRESS_INTERVAL_MS = 200;
let session: MockSession | undefined;
let finished = false;

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

async function finish(message: WorkerMessage): Promise<never> {
  if (!finished) {
    finished = true;
    await send(message);
  }
  process.exit(0);
}

function lastRegistered(): string | undefined {
  return session?.lastConstructed;
}

function describeFailure(err: unknown): WorkerFailure {
  const e = err as { name?: string; message?: string; stack?: string; problems?: unknown; headline?: string; component?: string; resource?: string; reason?: string };
  // Matched by name: the program may carry its own copy of stackplan's error classes.
  if (e?.name === "InputError" && Array.isArray(e.problems)) {
    return { kind: "input", problems: e.problems as never, ...(e.headline ? { headline: e.headline } : {}) };
  }
  if (e?.name === "ComponentError" && typeof e.component === "string") {
    return { kind: "component", component: e.component, ...(e.resource ? { resource: e.resource } : {}), reason: e.reason ?? e.message ?? "" };
  }
  const message = err instanceof Error ? err.message : String(err);
  const last = lastRegistered();
  return { kind: "program", message, ...(last ? { last } : {}), ...(e?.stack ? { stack: e.stack } : {}) };
}

/** Pulumi's CommonJS entry semantics: the module's exports, called if a function, awaited. */
async function runProgram(main: string): Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  let exported: unknown = require(main);
  const mod = exported as { __esModule?: boolean; default?: unknown };
  if (mod?.__esModule && mod.default !== undefined) exported = mod.default;
  return await (typeof exported === "function" ? (exported as () => unknown)() : exported);
}

async function stackOutputs(exported: unknown): Promise<Record<string, unknown>> {
  if (exported === null || typeof exported !== "object") return {};
  const pulumi = await import("@pulumi/pulumi");
  const wire = await pulumi.runtime.serializeProperties("stack outputs", exported as Record<string, unknown>);
  return normalizeWire(wire) as Record<string, unknown>;
}

/** `<env>/` as files: plan.json, one YAML file per manifest and the kustomization. */
function outputFiles(plan: Plan, manifests: readonly Manifest[]): OutputFile[] {
  return [
    ["plan.json", () => stableStringify(plan)],
    ...manifests.map((m): OutputFile => [path.join("manifests", m.file), () => manifestYaml(m.object)]),
    [path.join("manifests", "kustomization.yaml"), () => kustomizationYaml(manifests)],
  ];
}

async function render(req: RenderRequest): Promise<WorkerResult> {
  process.env.STACKPLAN_PROJECT_ROOT = req.root;
  session = await installMocks({ project: req.project, stack: req.env, config: req.config, secretKeys: req.secretKeys, fast: !req.debug });
  const records = session.records;
  const progress = () => {
    const last = lastRegistered();
    void send({ type: "progress", resources: records.length, ...(last ? { last } : {}) });
  };
  const timer = setInterval(progress, PROGRESS_INTERVAL_MS);
  timer.unref();
  if (req.environment) publishHandedEnvironment(req.environment);
  const exported = await runProgram(req.main);
  await settle();
  const outputs = await stackOutputs(exported);
  await settle();
  clearInterval(timer);
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    project: req.project,
    stack: req.env,
    env: req.facts,
    policy: req.policy,
    resources: planResources(session),
    outputs,
  };
  // Manifests keep a Secret's keys with masked values (or, on request, the values).
  const withSecrets = new Set(plan.resources.filter((r) => r.secretPaths).map((r) => r.urn));
  const inputs = inputsByPlanUrn(session, req.revealSecrets ? { revealSecrets: true } : { maskLeaves: true }, withSecrets);
  const { manifests, warnings } = buildManifests(plan, (r) => inputs.get(r.urn) ?? (r.inputs as Record<string, unknown>));
  if (req.outDir) await writeOutputFiles(req.outDir, outputFiles(plan, manifests), req.previousDir);
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  return {
    plan,
    ...(req.outDir ? {} : { manifests }),
    manifestCount: manifests.length,
    warnings,
    peakRssBytes: usage.maxRSS * 1024,
    cpuMs,
    valuesFromParent: handedEnvironmentTaken(),
  };
}

// The parent is gone (killed, even with SIGKILL): nobody will read the result; stop now rather
// than run a program that may never finish.
process.on("disconnect", () => process.exit(1));
process.on("uncaughtException", (err) => void finish({ type: "failed", failure: describeFailure(err) }));
process.on("unhandledRejection", (err) => void finish({ type: "failed", failure: describeFailure(err) }));
process.once("message", (req: RenderRequest) => {
  render(req).then(
    (result) => finish({ type: "done", result }),
    (err: unknown) => finish({ type: "failed", failure: describeFailure(err) }),
  );
});
