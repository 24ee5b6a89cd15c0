/**
 * The values pipeline of one environment: load the layers → merge (Helm semantics) → template
 * (handlebars, strict) → validate against the spec schema, reporting every problem together,
 * each with file, YAML path and line.
 */
import { environmentSpecSchema, environmentSpecShape, type EnvironmentSpec } from "../spec/schema";
import { InputError, type Problem } from "../util/errors";
import { locate } from "../util/yaml-file";
import { zodProblems } from "../util/zod-problems";
import type { Project } from "../project/project";
import { loadStackConfig, type EnvFacts, type StackConfig } from "../project/stack-config";
import { takeHandedEnvironment } from "./handoff";
import { resolveLayers, type ValuesLayer } from "./layers";
import { mergeLayers, type Values } from "./merge";
import { renderTemplates } from "./template";

type Seg = string | number;

export interface LoadedEnvironment {
  readonly project: Project;
  readonly stack: StackConfig;
  readonly facts: EnvFacts;
  readonly layers: readonly ValuesLayer[];
  /** Merged values before templating. */
  readonly merged: Values;
  /** Merged and templated values: what the schema validated. */
  readonly values: Values;
  readonly spec: EnvironmentSpec;
}

export function loadEnvironment(project: Project, env: string): LoadedEnvironment {
  return loadEnvironmentFor(project, loadStackConfig(project, env));
}

export function loadEnvironmentFor(project: Project, stack: StackConfig): LoadedEnvironment {
  // In a render worker: what `stackplan render` loaded for this very stack (handoff.ts).
  const handed = takeHandedEnvironment(project, stack);
  if (handed) return handed;
  const facts = stack.facts;
  const layers = resolveLayers(project, facts.overlay, { file: stack.file, path: "config.stackplan:overlay", message: "" });
  const merged = mergeLayers(layers.map((l) => l.values));
  const where = layerLocator(layers);
  const values = renderTemplates(merged, { ...facts }, where);
  const spec = validateSpec(values, where);
  return { project, stack, facts, layers, merged, values, spec };
}

export function validateSpec(values: Values, where: (path: readonly Seg[]) => Omit<Problem, "message" | "path">): EnvironmentSpec {
  const parsed = environmentSpecSchema.safeParse(values, { reportInput: true });
  if (parsed.success) return parsed.data;
  const problems = zodProblems(parsed.error, (p) => ({ file: "values", ...where(p) }), values, environmentSpecShape);
  throw new InputError(problems, problems.length > 1 ? `${problems.length} problems in the values:` : undefined);
}

/**
 * Where a path of the merged values was defined: the last layer that has it, else the last layer
 * that has its closest parent (where a missing key belongs).
 */
export function layerLocator(layers: readonly ValuesLayer[]) {
  return (path: readonly Seg[]): Omit<Problem, "message" | "path"> => {
    for (let n = path.length; n >= 0; n--) {
      const prefix = path.slice(0, n);
      for (let i = layers.length - 1; i >= 0; i--) {
        const y = layers[i]!.yaml;
        if (!y) continue;
        const pos = locate(y, prefix);
        if (pos?.exact && (n > 0 || i === layers.length - 1 || layers.slice(i + 1).every((l) => !l.yaml))) {
          return { file: y.file, line: pos.line, column: pos.column };
        }
      }
    }
    const top = [...layers].reverse().find((l) => l.yaml);
    return top?.yaml ? { file: top.yaml.file } : {};
  };
}
