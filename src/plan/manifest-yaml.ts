/**
 * How rendered manifests look on disk: exactly as `kubectl kustomize` prints objects (go-yaml v2
 * through kustomize: sorted keys, block style, list items at their key's indentation, YAML 1.1
 * words such as `yes`/`on` quoted so every GitOps tool reads them back as strings) — the
 * kustomize engine's emitter, so a rendered folder diffs cleanly against what reviewers see
 * elsewhere. Every manifest byte goes through `manifestYaml`.
 */
import { serializeObjects } from "../kustomize/index";
import type { Manifest } from "./manifests";

export function manifestYaml(object: Record<string, unknown>): string {
  return serializeObjects([object]);
}

/** The `kustomization.yaml` that makes a manifests folder consumable with `kubectl apply -k`. */
export function kustomizationYaml(manifests: readonly Manifest[]): string {
  return manifestYaml({
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    resources: manifests.map((m) => m.file),
  });
}
