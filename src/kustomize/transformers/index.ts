/**
 * The builtin transformers in kustomize's fixed order (not the order of the fields in the
 * file): patches before labels, JSON 6902 patches after them, images after every patch.
 */
import { commonAnnotations } from "./common-annotations";
import type { Transformer } from "./context";
import { images } from "./images";
import { labels } from "./labels";
import { namePrefix } from "./name-prefix";
import { nameSuffix } from "./name-suffix";
import { namespace } from "./namespace";
import { patches } from "./patches";
import { patchesJson6902 } from "./patches-json6902";
import { patchesStrategicMerge } from "./patches-strategic-merge";
import { replicas } from "./replicas";

export const TRANSFORMERS: readonly (readonly [string, Transformer])[] = [
  ["patchesStrategicMerge", patchesStrategicMerge],
  ["patches", patches],
  ["namespace", namespace],
  ["namePrefix", namePrefix],
  ["nameSuffix", nameSuffix],
  ["labels", labels],
  ["commonAnnotations", commonAnnotations],
  ["patchesJson6902", patchesJson6902],
  ["replicas", replicas],
  ["images", images],
];

export type { Context, Transformer } from "./context";
