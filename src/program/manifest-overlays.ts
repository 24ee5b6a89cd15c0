/**
 * Step (b) of the workloads pipeline: the env's manifest overlays. The generated manifests and
 * the raw manifests of `overlays/base/manifests/` are what the overlay's root kustomization
 * (`overlays/<overlay>/kustomization.yaml`) accumulates first (injected resources); its patches,
 * images, labels and generators then apply to all of them.
 * An overlay without a kustomization takes the injected manifests as they are.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildKustomization } from "../kustomize/index";
import { rel } from "../project/project";
import { readManifestDir } from "../manifests/read";
import { originOf, setOrigin } from "../manifests/origin";
import type { Manifest } from "../manifests/types";
import { BASE_LAYER } from "../values/layers";
import type { LoadedEnvironment } from "../values/load";

/** The folder of raw manifests every env starts from. */
export const BASE_MANIFESTS_DIR = path.join(BASE_LAYER, "manifests");

/** File names kustomize accepts for a kustomization, in its order of preference. */
export const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"] as const;

/** The overlay's root kustomization file, if it has one. */
export function kustomizationFile(env: LoadedEnvironment): string | undefined {
  const dir = path.join(env.project.overlaysDir, env.facts.overlay);
  return KUSTOMIZATION_FILES.map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
}

/** Raw manifests of `overlays/base/manifests/`, in sorted file order. */
export function baseRawManifests(env: LoadedEnvironment): Manifest[] {
  return readManifestDir(env.project, path.join(env.project.overlaysDir, BASE_MANIFESTS_DIR));
}

export function applyManifestOverlays(env: LoadedEnvironment, generated: readonly Manifest[]): Manifest[] {
  const injected = [...generated, ...baseRawManifests(env)];
  const kustomization = kustomizationFile(env);
  if (kustomization === undefined) return injected;
  const built = buildKustomization(path.dirname(kustomization), {
    injected,
    displayPath: (abs) => rel(env.project, abs),
  }) as Manifest[];
  return keepOrigins(injected, built, rel(env.project, kustomization));
}

/**
 * The build returns new objects: give each the origin of the manifest it came from (same kind,
 * namespace and name) "through" the kustomization, or the kustomization itself (a generator's,
 * a renamed one), so a later validation error still names a file.
 */
function keepOrigins(injected: readonly Manifest[], built: Manifest[], kustomization: string): Manifest[] {
  const key = (m: Manifest) => `${m.kind}/${m.metadata?.namespace ?? ""}/${m.metadata?.name ?? ""}`;
  const origins = new Map(injected.map((m) => [key(m), originOf(m)]));
  for (const m of built) {
    if (originOf(m) !== undefined) continue;
    const from = origins.get(key(m));
    setOrigin(m, from ? `${from}, through ${kustomization}` : kustomization);
  }
  return built;
}
