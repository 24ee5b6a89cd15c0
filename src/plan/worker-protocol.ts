/**
 * The messages between `stackplan render` and its worker processes (one worker renders one
 * stack: the Pulumi runtime is global to a process). They travel over the IPC channel with
 * Node's "advanced" serialization (structured clone), so plans are not re-parsed from JSON.
 */
import type { Problem } from "../util/errors";
import type { EnvFacts } from "../project/stack-config";
import type { PolicySpec } from "../spec/policy";
import type { HandedEnvironment } from "../values/handoff";
import type { Manifest } from "./manifests";
import type { Plan } from "./types";

/** Parent → worker: what to render. */
export interface RenderRequest {
  /** Absolute project root (the worker's working directory and `STACKPLAN_PROJECT_ROOT`). */
  readonly root: string;
  readonly project: string;
  readonly env: string;
  /** How messages name the env (`main:prod` for a git ref); default the env. */
  readonly label?: string;
  /** Absolute path of the program (Pulumi.yaml `main`, resolved against the root). */
  readonly main: string;
  /** Stack config as the engine passes it: `ns:key` → string; structured values JSON-encoded. */
  readonly config: Readonly<Record<string, string>>;
  /** Keys of `secure:` values (their ciphertext is the value: nothing is decrypted offline). */
  readonly secretKeys: readonly string[];
  readonly facts: EnvFacts;
  readonly policy: PolicySpec;
  /** The env's values as the parent loaded them, for the program to take (values/handoff.ts). */
  readonly environment?: HandedEnvironment;
  /**
   * Write the env's output files (plan.json, manifests/) into this directory: the parent's
   * staging directory, which it swaps in once every env has rendered (see render.ts).
   */
  readonly outDir?: string;
  /** The env's current output directory: its unchanged files are hard-linked, not written again (output-files.ts). */
  readonly previousDir?: string;
  /** Put secret values in clear into the manifests (never into plan.json). */
  readonly revealSecrets: boolean;
  /** Keep stack traces (slower): for STACKPLAN_DEBUG. */
  readonly debug: boolean;
}

/** Worker → parent. */
export type WorkerMessage =
  | { readonly type: "progress"; readonly resources: number; readonly last?: string }
  | { readonly type: "done"; readonly result: WorkerResult }
  | { readonly type: "failed"; readonly failure: WorkerFailure };

export interface WorkerResult {
  readonly plan: Plan;
  /**
   * The manifests, when they were not written to `outDir`: a written render sends only their
   * number (at 2,000 services the objects were 50–90 MB of the parent's memory, and its CPU).
   */
  readonly manifests?: readonly Manifest[];
  readonly manifestCount: number;
  readonly warnings: readonly string[];
  /** Peak resident set size of the worker, bytes. */
  readonly peakRssBytes: number;
  /** CPU time (user + system) the worker process used, start-up included. */
  readonly cpuMs: number;
  /** The program took the values the parent loaded instead of loading them (values/handoff.ts). */
  readonly valuesFromParent: boolean;
}

/** Why a program failed, in terms the user can act on (never a bare stack trace). */
export type WorkerFailure =
  /** Bad input the program (or stackplan inside it) reported with file, path and line. */
  | { readonly kind: "input"; readonly problems: readonly Problem[]; readonly headline?: string }
  /** A component reported the resource it was building (ComponentError). */
  | { readonly kind: "component"; readonly component: string; readonly resource?: string; readonly reason: string }
  /** Anything else: the message and the resource registered last. */
  | { readonly kind: "program"; readonly message: string; readonly last?: string; readonly stack?: string };
