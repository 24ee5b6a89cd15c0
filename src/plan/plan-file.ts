/**
 * Reading a plan.json someone hands to `check --plan`, `cost --plan` or `diff`: it may be from
 * another version, hand-edited or truncated. Its shape is checked before any command walks it,
 * and every problem names the file, the JSON path and the line, as for the YAML inputs.
 */
import { z } from "zod";
import { ENV_CLASSES } from "../project/stack-config";
import { policySpec } from "../spec/policy";
import { InputError } from "../util/errors";
import { parseYaml, readInputFile } from "../util/yaml-file";
import { zodProblems } from "../util/zod-problems";
import { PLAN_FORMAT_VERSION, type Plan } from "./types";

const str = z.string();

const planResource = z.looseObject({
  urn: str.startsWith("urn:pulumi:", "expected a Pulumi URN (urn:pulumi:…)"),
  type: str.min(1),
  name: str,
  custom: z.boolean(),
  parent: str.optional(),
  dependencies: z.array(str),
  propertyDependencies: z.record(str, z.array(str)),
  provider: str.optional(),
  inputs: z.record(str, z.unknown()),
  outputs: z.record(str, z.unknown()).optional(),
  protect: z.boolean().optional(),
  secretPaths: z.array(str).optional(),
  secretFingerprints: z.record(str, str).optional(),
});

const envFacts = z.looseObject({
  name: str.min(1),
  region: str,
  account: str,
  overlay: str,
  order: z.number(),
  class: z.enum(ENV_CLASSES),
  isProduction: z.boolean(),
});

const planFile = z.looseObject({
  formatVersion: z.literal(PLAN_FORMAT_VERSION),
  project: str,
  stack: str,
  env: envFacts,
  policy: policySpec,
  resources: z.array(planResource),
  outputs: z.record(str, z.unknown()).default({}),
});

/** Read and check a plan file; `shown` is how messages name it. */
export function readPlanFile(file: string, shown: string = file): Plan {
  const text = readInputFile(file, shown, { missing: "no such plan file", directory: "is a directory; expected a plan.json file" });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw jsonSyntaxError(text, shown, (err as Error).message);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data) || (data as { formatVersion?: unknown }).formatVersion !== PLAN_FORMAT_VERSION) {
    throw new InputError({ file: shown, message: `not a stackplan plan (expected an object with formatVersion ${PLAN_FORMAT_VERSION}, env and resources); re-render it with \`stackplan render\`` });
  }
  const parsed = planFile.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data as Plan;
  // Positions only on failure: parsing JSON as YAML costs more than JSON.parse on big plans.
  const problems = zodProblems(parsed.error, parseYaml(text, shown), data);
  const more = problems.length > 1 ? `; ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""}` : "";
  const first = problems[0]!;
  throw new InputError({ ...first, message: `${first.message} (not a valid stackplan plan${more}; re-render it with \`stackplan render\`)` });
}

/** A JSON syntax error with the line and column of where it was found, without quoting content. */
function jsonSyntaxError(text: string, shown: string, message: string): InputError {
  const at = /at position (\d+)/.exec(message);
  const clean = message.replace(/, ".*" is not valid JSON$/s, "").replace(/ (in JSON )?at position \d+.*$/s, "");
  let where: { line?: number; column?: number } = {};
  if (at) {
    const before = text.slice(0, Number(at[1]));
    const lines = before.split("\n");
    where = { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  }
  return new InputError({ file: shown, ...where, message: `not a JSON plan: ${clean}` });
}
