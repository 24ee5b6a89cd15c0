import * as path from "node:path";
import type { Command } from "commander";
import { knownStackNames, listStacks } from "../../project/stack-config";
import { progressReporter, seconds } from "../../plan/progress";
import { DEFAULT_TIMEOUT_MS, renderEnvs, type RenderedEnv } from "../../plan/render";
import { InputError } from "../../util/errors";
import { projectFrom, resolveFrom, withRoot, type CommandContext } from "../context";
import { interruptible, parseTimeout } from "./render-options";

interface RenderFlags {
  env?: string;
  all?: boolean;
  out?: string;
  revealSecrets?: boolean;
  timeout: string;
  root?: string;
}

export function registerRender(program: Command, ctx: CommandContext): void {
  withRoot(
    program
      .command("render")
      .summary("render envs offline into plan.json and GitOps-ready manifests")
      .description(
        "Run the Pulumi program of an env under runtime mocks (no Pulumi CLI, no credentials, no network) " +
          "and write <out>/<env>/plan.json (every resource with its inputs; secrets as [secret]) and " +
          "<out>/<env>/manifests/ (one YAML file per Kubernetes object and a kustomization.yaml). " +
          "Outputs are replaced only when every env rendered: a failure leaves them untouched.",
      )
      .option("--env <env>", "environment (stack) to render, e.g. dev")
      .option("--all", "render every stack in the stack config dir, in parallel")
      .option("--out <dir>", "output directory (default: rendered/ in the project root)")
      .option("--reveal-secrets", "write secret values in clear into the manifests (never into plan.json)")
      .option("--timeout <seconds>", "give up on an env after this long", String(DEFAULT_TIMEOUT_MS / 1000)),
  ).action(async (opts: RenderFlags) => {
    const project = projectFrom(ctx, opts);
    if (Boolean(opts.env) === Boolean(opts.all)) {
      throw new InputError({ message: `pass --env <env> or --all (known envs: ${knownStackNames(project).join(", ") || "none"})` });
    }
    const envs = opts.all ? listStacks(project).map((s) => s.facts.name) : [opts.env!];
    if (envs.length === 0) throw new InputError({ file: path.relative(ctx.io.cwd, project.stackConfigDir) || ".", message: "no Pulumi.<env>.yaml stack files to render" });
    const out = opts.out ? resolveFrom(ctx.io.cwd, opts.out) : path.join(project.root, "rendered");
    const timeoutMs = parseTimeout(opts.timeout);
    const progress = progressReporter({ write: ctx.io.stdout, isTTY: ctx.io.isTTY }, envs);
    const started = Date.now();
    let rendered: RenderedEnv[] | undefined;
    try {
      rendered = await interruptible(ctx, (signal) =>
        renderEnvs(project, envs, { out, timeoutMs, signal, onEvent: progress.onEvent, revealSecrets: Boolean(opts.revealSecrets), debug: Boolean(ctx.io.env.STACKPLAN_DEBUG) }),
      );
    } finally {
      progress.stop();
    }
    if (!rendered) return;
    for (const r of rendered) for (const w of r.warnings) ctx.io.stderr(`warning: ${r.env}: ${w}\n`);
    const shown = displayPath(ctx.io.cwd, out);
    const width = Math.max(...envs.map((e) => e.length));
    for (const r of rendered) {
      ctx.io.stdout(`${r.env.padEnd(width)}  ${r.plan.resources.length} resources, ${r.manifestCount} manifests → ${path.join(shown, r.env)}\n`);
    }
    ctx.io.stdout(`Rendered ${rendered.length} env${rendered.length === 1 ? "" : "s"} in ${seconds(Date.now() - started)}.\n`);
  });
}

/** A path as the user would type it: relative below the working directory, absolute elsewhere. */
export function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? abs : rel;
}
