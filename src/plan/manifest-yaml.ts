/**
 * How rendered manifests look on disk: YAML with sorted keys, block style, list items not
 * indented under their key — the style `kubectl get -o yaml` prints, so a rendered folder diffs
 * cleanly against what reviewers see elsewhere. Every manifest byte goes through `manifestYaml`
 * (the one place to switch to the kustomize engine's `serializeObjects` once it lands).
 */
import { stringify } from "yaml";
import type { Manifest } from "./manifests";

export function manifestYaml(object: unknown): string {
  return stringify(object, { sortMapEntries: true, indentSeq: false, lineWidth: 0, aliasDuplicateObjects: false });
}

/** The `kustomization.yaml` that makes a manifests folder consumable with `kubectl apply -k`. */
export function kustomizationYaml(manifests: readonly Manifest[]): string {
  return manifestYaml({
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    resources: manifests.map((m) => m.file),
  });
}
