/**
 * An env's loaded values, handed from `stackplan render` to the program in its render worker.
 *
 * The parent loads every env's values before starting any work (bad input fails first, and the
 * plan needs the env's policy); the program then loaded them again in its worker — nearly a
 * tenth of a worker's time at 500 services. The parent now sends what it loaded with the render request,
 * the worker publishes it, and `loadEnvironmentFor` in the program takes it instead of reading
 * the files — only when the program runs this same copy of stackplan (a program from another git
 * ref or another installation loads its own) for the same project, stack and facts. Both then
 * also read the files once, at one moment.
 */
import type { Project } from "../project/project";
import type { EnvFacts, StackConfig } from "../project/stack-config";
import type { EnvironmentSpec } from "../spec/schema";
import { parseYaml, type YamlFile } from "../util/yaml-file";
import type { ValuesLayer } from "./layers";
import type { LoadedEnvironment } from "./load";
import type { Values } from "./merge";

/** What travels in the render request (plain data: structured-cloned over IPC). */
export interface HandedEnvironment {
  /** This module's file: the program takes the values only if it runs the same one. */
  readonly producer: string;
  readonly root: string;
  readonly stackFile: string;
  readonly facts: EnvFacts;
  /** Each layer with its file's text: parsed again only if a message needs a line number. */
  readonly layers: readonly { readonly name: string; readonly extends?: string; readonly file?: string; readonly text?: string }[];
  readonly merged: Values;
  readonly values: Values;
  readonly spec: EnvironmentSpec;
}

const SLOT = Symbol.for("stackplan.handedEnvironment");
const TAKEN = Symbol.for("stackplan.handedEnvironmentTaken");
type Slot = { [SLOT]?: HandedEnvironment; [TAKEN]?: boolean };

export function handOver(env: LoadedEnvironment): HandedEnvironment {
  return {
    producer: __filename,
    root: env.project.root,
    stackFile: env.stack.file,
    facts: env.facts,
    layers: env.layers.map((l) => ({
      name: l.name,
      ...(l.extends !== undefined ? { extends: l.extends } : {}),
      ...(l.yaml ? { file: l.yaml.file, text: l.yaml.text } : {}),
    })),
    merged: env.merged,
    values: env.values,
    spec: env.spec,
  };
}

/** In the render worker, before the program runs (undefined withdraws it). */
export function publishHandedEnvironment(handed: HandedEnvironment | undefined): void {
  (globalThis as Slot)[SLOT] = handed;
  (globalThis as Slot)[TAKEN] = false;
}

/** Whether the program took the published env (reported with the render, for tests and the bench). */
export function handedEnvironmentTaken(): boolean {
  return (globalThis as Slot)[TAKEN] === true;
}

/** The handed env for this project and stack, if the render's parent published one for them. */
export function takeHandedEnvironment(project: Project, stack: StackConfig): LoadedEnvironment | undefined {
  const h = (globalThis as Slot)[SLOT];
  if (!h || h.producer !== __filename || h.root !== project.root || h.stackFile !== stack.file) return undefined;
  if (JSON.stringify(h.facts) !== JSON.stringify(stack.facts)) return undefined;
  (globalThis as Slot)[TAKEN] = true;
  return { project, stack, facts: stack.facts, layers: h.layers.map(layerFrom), merged: h.merged, values: h.values, spec: h.spec };
}

function layerFrom(l: HandedEnvironment["layers"][number]): ValuesLayer {
  const { name, file, text } = l;
  if (file === undefined || text === undefined) return { name, yaml: undefined, values: {}, extends: l.extends };
  let parsed: YamlFile | undefined;
  const yaml = () => (parsed ??= parseYaml(text, file));
  return {
    name,
    extends: l.extends,
    get yaml() {
      return yaml();
    },
    get values() {
      const { extends: _, ...values } = yaml().value as Values;
      return values;
    },
  };
}
