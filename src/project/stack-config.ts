/**
 * Stack files: `stacks/Pulumi.<stack>.yaml`. They hold the facts of an environment that are not
 * values: the AWS region and account, the overlay the stack uses, its place in the promotion
 * order and its class (production or not). The same file is read by the real Pulumi CLI.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { compareStrings } from "../util/stable-json";
import { InputError } from "../util/errors";
import { locate, readYamlFile, type YamlFile } from "../util/yaml-file";
import { zodProblems } from "../util/zod-problems";
import { invalidFile, rel, type Project } from "./project";
import { REGION_PATTERN } from "./regions";

export const ENV_CLASSES = ["development", "staging", "production"] as const;
export type EnvClass = (typeof ENV_CLASSES)[number];

/** What the program and the templates know about the environment (`{{env.*}}`). */
export interface EnvFacts {
  /** The stack name, e.g. `prod`. */
  readonly name: string;
  readonly region: string;
  /** The 12-digit AWS account id. */
  readonly account: string;
  /** The overlay folder under overlays/ the stack uses. */
  readonly overlay: string;
  /** 1-based position in the promotion order (dev → staging → prod). */
  readonly order: number;
  readonly class: EnvClass;
  readonly isProduction: boolean;
}

export interface StackConfig {
  readonly facts: EnvFacts;
  /** The stack file as shown to the user, e.g. `stacks/Pulumi.prod.yaml`. */
  readonly file: string;
  /** Every config key of the file as Pulumi passes it to a program: `ns:key` → JSON-ish value. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Config keys holding `{ secure: … }` values. */
  readonly secureKeys: readonly string[];
}

const SecureValue = z.strictObject({ secure: z.string().min(1) });

const StackFile = z.looseObject({
  secretsprovider: z.string().optional(),
  encryptionsalt: z.string().optional(),
  encryptedkey: z.string().optional(),
  environment: z.array(z.string()).optional(),
  config: z.looseObject({
    "aws:region": z.string().regex(REGION_PATTERN, "expected an AWS region such as us-east-1"),
    "stackplan:overlay": z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected an overlay folder name under overlays/ (lowercase, digits, dashes)"),
    "stackplan:order": z.number().int().min(1, "expected a position in the promotion order, 1 for the first env"),
    "stackplan:class": z.enum(ENV_CLASSES),
    "stackplan:account": z.string().regex(/^\d{12}$/, "expected a 12-digit AWS account id (quote it in YAML)"),
  }),
});

export const STACK_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Stack names that have a `Pulumi.<stack>.yaml` in the stack config dir, sorted by promotion order. */
export function listStacks(project: Project): StackConfig[] {
  const names = fs.existsSync(project.stackConfigDir)
    ? fs
        .readdirSync(project.stackConfigDir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((n): n is string => n !== undefined)
    : [];
  const stacks = names.sort(compareStrings).map((n) => loadStackConfig(project, n));
  checkPromotionOrder(stacks);
  return stacks.sort((a, b) => a.facts.order - b.facts.order || compareStrings(a.facts.name, b.facts.name));
}

export function stackFilePath(project: Project, stack: string): string {
  return path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
}

export function loadStackConfig(project: Project, stack: string): StackConfig {
  const abs = stackFilePath(project, stack);
  const file = rel(project, abs);
  if (!STACK_NAME.test(stack)) {
    throw new InputError({ file: rel(project, project.stackConfigDir) || ".", message: `invalid env name ${JSON.stringify(stack)}: expected lowercase letters, digits and dashes (an env is a Pulumi.<env>.yaml here)` });
  }
  if (!fs.existsSync(abs)) {
    const known = knownStackNames(project);
    throw new InputError({
      file,
      message: `unknown env ${JSON.stringify(stack)}: no stack file; known envs: ${known.length ? known.join(", ") : "(none)"}`,
    });
  }
  const y = readYamlFile(abs, file);
  const parsed = StackFile.safeParse(y.value ?? {}, { reportInput: true });
  if (!parsed.success) throw invalidFile(zodProblems(parsed.error, y), `${file} is not a valid stackplan stack file:`);
  checkSecureValues(parsed.data.config, y);
  return parseStackConfig(stack, parsed.data.config, file);
}

/**
 * A `secure:` value is ciphertext written by `pulumi config set --secret`: exactly
 * `{ secure: <non-empty string> }`. Anything else would be handed to the program as plain config
 * and could end up in clear in a manifest; the message never quotes the value.
 */
function checkSecureValues(config: Record<string, unknown>, y: YamlFile): void {
  for (const [key, value] of Object.entries(config)) {
    if (value === null || typeof value !== "object" || Array.isArray(value) || !("secure" in value)) continue;
    if (SecureValue.safeParse(value).success) continue;
    const pos = locate(y, ["config", key]);
    throw new InputError({
      file: y.file,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      path: `config.${key}`,
      message: "expected a secure value { secure: <ciphertext> } as `pulumi config set --secret` writes it (a non-empty string and no other keys)",
    });
  }
}

/**
 * Facts of a stack from its config map (`ns:key` → value): read from the stack file offline, or
 * from the Pulumi engine's config inside a real `pulumi preview`.
 */
export function parseStackConfig(stack: string, config: Record<string, unknown>, file: string): StackConfig {
  const parsed = StackFile.shape.config.safeParse(config, { reportInput: true });
  if (!parsed.success) {
    throw invalidFile(zodProblems(parsed.error, () => ({ file }), config), `${file} is not a valid stackplan stack file:`);
  }
  const cfg = parsed.data;
  const secureKeys = Object.keys(config).filter((k) => SecureValue.safeParse(config[k]).success).sort(compareStrings);
  const cls = cfg["stackplan:class"];
  const facts: EnvFacts = {
    name: stack,
    region: cfg["aws:region"],
    account: cfg["stackplan:account"],
    overlay: cfg["stackplan:overlay"],
    order: cfg["stackplan:order"],
    class: cls,
    isProduction: cls === "production",
  };
  return { facts, file, config, secureKeys };
}

export function knownStackNames(project: Project): string[] {
  if (!fs.existsSync(project.stackConfigDir)) return [];
  return fs
    .readdirSync(project.stackConfigDir)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort(compareStrings);
}

function checkPromotionOrder(stacks: readonly StackConfig[]): void {
  const byOrder = new Map<number, StackConfig>();
  for (const s of stacks) {
    const clash = byOrder.get(s.facts.order);
    if (clash) {
      throw new InputError({
        file: s.file,
        path: "config.stackplan:order",
        message: `promotion order ${s.facts.order} is also used by ${clash.file}; each env needs its own place`,
      });
    }
    byOrder.set(s.facts.order, s);
  }
}
