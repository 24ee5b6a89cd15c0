/**
 * A diff between two plans, as `pulumi preview --diff` would report going from the first to the
 * second: one step per resource of either plan, with its operation and the property changes.
 */
import type { PlanResource } from "../plan/types";

export const DIFF_OPS = ["create", "update", "replace", "delete", "same"] as const;
export type DiffOp = (typeof DIFF_OPS)[number];

export type ChangeKind = "add" | "delete" | "update";

export interface PropertyChange {
  /** Readable path: list items matched by name show as `containers[name=web]`. */
  readonly path: string;
  /** The same place as a Pulumi property path (list items by index in the new inputs, old ones for deletes). */
  readonly pulumiPath: string;
  readonly kind: ChangeKind;
  readonly old?: unknown;
  readonly new?: unknown;
  /** The value is a secret: shown as `[secret]` on both sides, compared by fingerprint. */
  readonly secret?: boolean;
  /** This change alone forces the resource to be replaced. */
  readonly replaces?: boolean;
  /** Why an unknown value counts as changed: the resource it comes from is created or replaced. */
  readonly cause?: string;
}

export interface ResourceStep {
  readonly op: DiffOp;
  /** Identity across the two plans (see identity.ts). */
  readonly key: string;
  readonly type: string;
  readonly name: string;
  /** URN in the second plan, or in the first for deletes. */
  readonly urn: string;
  /** Nesting under the stack resource (the stack is 0), for display. */
  readonly depth: number;
  /** Key of the parent step (none for the stack). */
  readonly parent?: string;
  readonly old?: PlanResource;
  readonly new?: PlanResource;
  /** Property changes, sorted by path (updates and replaces only). */
  readonly changes: readonly PropertyChange[];
  /** Top-level input keys that differ. */
  readonly diffReasons: readonly string[];
  /** Top-level input keys whose change forces replacement. */
  readonly replaceReasons: readonly string[];
}

export interface PlanRef {
  /** What the user named: `dev`, `main:prod`, `rendered/dev`. */
  readonly label: string;
  readonly project: string;
  readonly stack: string;
}

export interface PlanDiff {
  readonly from: PlanRef;
  readonly to: PlanRef;
  /** The env names (and account ids) were normalized away to compare two envs. */
  readonly normalized: boolean;
  /** Every resource of both plans in exactly one step, in tree order (parents before children). */
  readonly steps: readonly ResourceStep[];
  readonly summary: Readonly<Record<DiffOp, number>>;
}
