/**
 * Where a finding can be fixed: the values file (and line) that defines the service or the
 * waiver. Best effort, for SARIF and Markdown links; without a project nothing is located.
 */
import type { Project } from "../project/project";
import type { Plan } from "../plan/types";
import { resolveLayers } from "../values/layers";
import { layerLocator } from "../values/load";
import type { Finding } from "./types";

export interface SourceLocation {
  /** Relative to the project root, `/`-separated. */
  readonly file: string;
  readonly line?: number;
}
export type Locator = (f: Finding) => SourceLocation | undefined;

/** The service-level key a rule's fix lives under. */
const SERVICE_KEY: Readonly<Record<string, string>> = {
  "HA-001": "replicas",
  "HA-005": "probes",
  "HA-006": "resources",
  "HA-007": "autoscaling",
  "HA-008": "image",
};

export function valuesLocator(project: Project, plan: Plan): Locator {
  let where: ReturnType<typeof layerLocator>;
  try {
    where = layerLocator(resolveLayers(project, plan.env.overlay));
  } catch {
    return () => undefined;
  }
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const at = (path: string[]): SourceLocation | undefined => {
    const p = where(path);
    return p.file ? { file: p.file.split("\\").join("/"), ...(p.line !== undefined ? { line: p.line } : {}) } : undefined;
  };
  return (f) => {
    if (f.kind !== "violation" && f.kind !== "waived") return at(["policy", "waivers"]);
    const r = f.urn ? byUrn.get(f.urn) : undefined;
    const labels = (r?.inputs["metadata"] as { labels?: Record<string, unknown> } | undefined)?.labels;
    const service = labels?.["app.kubernetes.io/name"];
    if (typeof service !== "string") return undefined;
    const key = SERVICE_KEY[f.rule];
    return at(key ? ["services", service, key] : ["services", service]);
  };
}
