/**
 * Everything a worker needs to render one env, prepared in the parent so bad input (an unknown
 * env, an invalid stack file or values, a missing program) fails before any process starts:
 * the stack's config as the Pulumi engine passes it, the env's facts and policy, the program.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { rel, type Project } from "../project/project";
import { loadStackConfig, type StackConfig } from "../project/stack-config";
import type { PolicySpec } from "../spec/policy";
import { InputError } from "../util/errors";
import { compareStrings } from "../util/stable-json";
import { readYamlFile } from "../util/yaml-file";
import { handOver, type HandedEnvironment } from "../values/handoff";
import { loadEnvironmentFor } from "../values/load";
import type { RenderRequest } from "./worker-protocol";

export const DEFAULT_POLICY: PolicySpec = { enforcement: "advisory", overrides: {}, waivers: [] };

export interface RequestOptions {
  readonly revealSecrets?: boolean;
  readonly debug?: boolean;
  /**
   * Values this version of stackplan cannot validate do not stop the render (the plan gets the
   * default policy and a warning). For old git refs: their program validates its own values.
   */
  readonly lenientSpec?: boolean;
  /** Prefix of the env in messages: `main:` renders `main:prod`. */
  readonly labelPrefix?: string;
}

export interface PreparedRender {
  readonly request: RenderRequest;
  readonly warnings: readonly string[];
}

export function prepareRender(project: Project, env: string, opts: RequestOptions = {}): PreparedRender {
  const stack = loadStackConfig(project, env);
  const warnings: string[] = [];
  let policy: PolicySpec;
  let environment: HandedEnvironment | undefined;
  try {
    const loaded = loadEnvironmentFor(project, stack);
    policy = loaded.spec.policy;
    environment = handOver(loaded);
  } catch (err) {
    if (!(opts.lenientSpec && err instanceof InputError)) throw err;
    policy = DEFAULT_POLICY;
    warnings.push(`its values do not validate with this version of stackplan (${err.message.split("\n")[0]}); the plan carries the default policy`);
  }
  const main = programEntry(project);
  const { config, secretKeys } = engineConfig(stack);
  return {
    request: {
      root: project.root,
      project: project.name,
      env,
      ...(opts.labelPrefix ? { label: `${opts.labelPrefix}${env}` } : {}),
      main,
      config,
      secretKeys,
      facts: stack.facts,
      policy,
      ...(environment ? { environment } : {}),
      revealSecrets: opts.revealSecrets ?? false,
      debug: opts.debug ?? false,
    },
    warnings,
  };
}

/**
 * Config as the Pulumi engine hands it to a program: every value a string, structured values
 * JSON-encoded, `secure:` values marked secret with their ciphertext as the value (nothing can
 * be decrypted offline; the program sees a stand-in that is stable per stack).
 */
export function engineConfig(stack: StackConfig): { config: Record<string, string>; secretKeys: string[] } {
  const config: Record<string, string> = {};
  for (const key of Object.keys(stack.config).sort(compareStrings)) {
    const value = stack.config[key];
    if (value === null || value === undefined) continue;
    if (stack.secureKeys.includes(key)) config[key] = (value as { secure: string }).secure;
    else config[key] = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  }
  return { config, secretKeys: [...stack.secureKeys] };
}

/** Absolute path of the program: Pulumi.yaml `main` (default: the project directory) resolved against the root. */
export function programEntry(project: Project): string {
  const y = readYamlFile(path.join(project.root, "Pulumi.yaml"), "Pulumi.yaml");
  const main = (y.value as { main?: unknown }).main;
  const entry = path.resolve(project.root, typeof main === "string" ? main : ".");
  let resolved: string;
  try {
    resolved = require.resolve(entry);
  } catch {
    const hint = fs.existsSync(path.join(project.root, "tsconfig.json")) ? "; build the program first (npm run build)" : "";
    throw new InputError({ file: "Pulumi.yaml", path: "main", message: `the program ${JSON.stringify(rel(project, entry))} does not exist${hint}` });
  }
  return resolved;
}
