/** What every transformer of one kustomization gets. */
import type { LoadedKustomization } from "../kustomization-file";
import type { Loader } from "../loader";
import type { ResMap } from "../resmap";

export interface Context {
  readonly kust: LoadedKustomization;
  readonly loader: Loader;
  readonly resmap: ResMap;
}

export type Transformer = (ctx: Context) => void;
