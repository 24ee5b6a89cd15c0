/**
 * kustomization.yaml: read, validate (every problem with file, path and line; typos get a
 * "did you mean"), refuse the fields stackplan does not implement, and normalise the
 * deprecated spellings the way kustomize's FixKustomization does.
 */
import { z } from "zod";
import { InputError, type Problem } from "../util/errors";
import { readYamlFile, locate, type YamlFile } from "../util/yaml-file";
import { suggest, zodProblems } from "../util/zod-problems";

const str = z.string();
const strMap = z.record(z.string(), z.string());

const selector = z.strictObject({
  group: str.optional(),
  version: str.optional(),
  kind: str.optional(),
  name: str.optional(),
  namespace: str.optional(),
  labelSelector: str.optional(),
  annotationSelector: str.optional(),
});

const patch = z.strictObject({
  path: str.optional(),
  patch: str.optional(),
  target: selector.optional(),
  options: z.strictObject({ allowNameChange: z.boolean().optional(), allowKindChange: z.boolean().optional() }).optional(),
});

const generatorOptions = z.strictObject({
  labels: strMap.optional(),
  annotations: strMap.optional(),
  disableNameSuffixHash: z.boolean().optional(),
  immutable: z.boolean().optional(),
});

const generatorBase = {
  name: str,
  namespace: str.optional(),
  behavior: z.enum(["create", "merge", "replace"]).optional(),
  literals: z.array(str).optional(),
  files: z.array(str).optional(),
  envs: z.array(str).optional(),
  env: str.optional(),
  options: generatorOptions.optional(),
};

const fieldSpec = z.strictObject({
  group: str.optional(),
  version: str.optional(),
  kind: str.optional(),
  path: str,
  create: z.boolean().optional(),
});

export const SUPPORTED = {
  apiVersion: str.optional(),
  kind: z.enum(["Kustomization", "Component"]).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  resources: z.array(str).optional(),
  bases: z.array(str).optional(),
  components: z.array(str).optional(),
  namespace: str.optional(),
  namePrefix: str.optional(),
  nameSuffix: str.optional(),
  commonLabels: strMap.optional(),
  labels: z
    .array(
      z.strictObject({
        pairs: strMap.optional(),
        includeSelectors: z.boolean().optional(),
        includeTemplates: z.boolean().optional(),
        fields: z.array(fieldSpec).optional(),
      }),
    )
    .optional(),
  commonAnnotations: strMap.optional(),
  patches: z.array(patch).optional(),
  patchesStrategicMerge: z.array(str).optional(),
  patchesJson6902: z.array(patch).optional(),
  images: z
    .array(
      z.strictObject({ name: str, newName: str.optional(), newTag: str.optional(), digest: str.optional(), tagSuffix: str.optional() }),
    )
    .optional(),
  replicas: z.array(z.strictObject({ name: str, count: z.number().int().nonnegative() })).optional(),
  configMapGenerator: z.array(z.strictObject(generatorBase)).optional(),
  secretGenerator: z.array(z.strictObject({ ...generatorBase, type: str.optional() })).optional(),
  generatorOptions: generatorOptions.optional(),
  sortOptions: z
    .strictObject({
      order: z.enum(["legacy", "fifo"]).optional(),
      legacySortOptions: z.strictObject({ orderFirst: z.array(str).optional(), orderLast: z.array(str).optional() }).optional(),
    })
    .optional(),
};

/** kustomization.yaml fields kustomize knows that stackplan refuses (with why). */
export const UNSUPPORTED: Record<string, string> = {
  replacements: "use patches instead",
  vars: "deprecated in kustomize; use patches instead",
  helmCharts: "render the chart in the spec instead",
  helmGlobals: "render the chart in the spec instead",
  helmChartInflationGenerator: "render the chart in the spec instead",
  configurations: "custom transformer configurations are not implemented",
  crds: "custom name-reference configurations are not implemented",
  openapi: "custom OpenAPI schemas are not implemented",
  generators: "generator plugins are not implemented",
  transformers: "transformer plugins are not implemented",
  validators: "validator plugins are not implemented",
  buildMetadata: "origin and managed-by annotations are not implemented",
  imageTags: "use images",
};

const schema = z.strictObject(SUPPORTED);

export type Kustomization = z.infer<typeof schema>;
export type PatchEntry = z.infer<typeof patch>;
export type Selector = z.infer<typeof selector>;
export type GeneratorArgs = z.infer<z.ZodObject<typeof generatorBase>> & { type?: string };
export type GeneratorOptions = z.infer<typeof generatorOptions>;
export type FieldSpecEntry = z.infer<typeof fieldSpec>;

export interface LoadedKustomization {
  readonly k: Kustomization;
  readonly yaml: YamlFile;
  /** Where a path of the file is, for messages. */
  at(path: readonly (string | number)[]): Omit<Problem, "message">;
}

const KNOWN = [...Object.keys(SUPPORTED), ...Object.keys(UNSUPPORTED)];

export function loadKustomizationFile(abs: string, shown: string): LoadedKustomization {
  const yaml = readYamlFile(abs, shown);
  // Positions are looked up only when a message is built (spreading the object reads them).
  const at = (path: readonly (string | number)[]): Omit<Problem, "message"> => {
    let pos: ReturnType<typeof locate> | null = null;
    const where = () => (pos === null ? (pos = locate(yaml, path)) : pos);
    const out: Record<string, unknown> = { file: shown };
    if (path.length) out.path = path.map((s) => (typeof s === "number" ? `[${s}]` : s)).join(".").replace(/\.\[/g, "[");
    Object.defineProperty(out, "line", { enumerable: true, get: () => where()?.line });
    Object.defineProperty(out, "column", { enumerable: true, get: () => where()?.column });
    return out as Omit<Problem, "message">;
  };
  const raw = yaml.value ?? {};
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new InputError({ file: shown, message: "expected a mapping of kustomization fields" });
  }
  const problems: Problem[] = [];
  for (const key of Object.keys(raw)) {
    if (key in UNSUPPORTED) {
      problems.push({ ...at([key]), message: `field ${JSON.stringify(key)} is not supported by stackplan (${UNSUPPORTED[key]})` });
    } else if (!(key in SUPPORTED)) {
      const hint = suggest(key, KNOWN);
      problems.push({ ...at([key]), message: `unknown field ${JSON.stringify(key)}${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ""}` });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new InputError(zodProblems(parsed.error, yaml, raw, schema));
  const k = parsed.data;
  if (k.apiVersion !== undefined && !/^kustomize\.config\.k8s\.io\/v1(beta1|alpha1)$/.test(k.apiVersion)) {
    throw new InputError({ ...at(["apiVersion"]), message: `unsupported apiVersion ${JSON.stringify(k.apiVersion)}; expected kustomize.config.k8s.io/v1beta1 (or v1alpha1 for a Component)` });
  }
  return { k, yaml, at };
}
