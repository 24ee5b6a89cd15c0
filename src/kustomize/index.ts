/**
 * stackplan's kustomize: a kustomize-v5-compatible overlay engine. `buildKustomization` builds a
 * directory the way `kubectl kustomize` does; `serializeObjects` prints the result byte for byte
 * as kubectl would.
 */
export type { KObject } from "./kobject";
export { buildKustomization, type BuildOptions } from "./build";
export { serializeObjects } from "./serialize";
