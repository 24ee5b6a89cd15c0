/**
 * Properties of the diff engine over generated plans: diff(a, a) is all `same`; every resource
 * of both plans is in exactly one step; the operation of each step agrees with the inputs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffPlans } from "../../src/diff/engine";
import { diffInputs } from "../../src/diff/property-diff";
import { isPlainObject } from "../../src/util/plain";
import { planOf } from "./plans";

const TYPES = ["aws:ec2/vpc:Vpc", "kubernetes:apps/v1:Deployment", "test:index:Thing"] as const;
const NAMES = ["a", "b", "c", "d", "e"];

const scalar = fc.oneof(fc.constantFrom("x", "y", "10.0.0.0/16", "10.1.0.0/16"), fc.integer({ min: 0, max: 3 }), fc.boolean());
const namedItem = fc.record({ name: fc.constantFrom("web", "sidecar", "init", "log"), image: fc.constantFrom("v1", "v2"), port: fc.integer({ min: 80, max: 81 }) });
const namedList = fc.uniqueArray(namedItem, { selector: (i) => i.name, maxLength: 3 });
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: "small" }, scalar, fc.array(scalar, { maxLength: 3 }), namedList, fc.dictionary(fc.constantFrom("p", "q", "r"), tie("v"), { maxKeys: 2 })),
})).v;
const inputs = fc.dictionary(fc.constantFrom("cidrBlock", "spec", "tags", "count", "data"), value, { maxKeys: 4 });

const resources = fc.uniqueArray(fc.record({ type: fc.constantFrom(...TYPES), name: fc.constantFrom(...NAMES), inputs }), {
  selector: (r) => `${r.type}::${r.name}`,
  maxLength: 8,
});

function plan(list: readonly { type: string; name: string; inputs: Record<string, unknown> }[]) {
  return planOf(list);
}

/** Inputs with named lists sorted by name: what the engine considers equal. */
function canon(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(canon);
    const named = items.length > 0 && items.every((i) => isPlainObject(i) && typeof i.name === "string");
    return named ? [...items].sort((x, y) => String((x as { name: string }).name).localeCompare(String((y as { name: string }).name))) : items;
  }
  if (isPlainObject(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])]));
  return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(canon(a)) === JSON.stringify(canon(b));

describe("diff engine properties", () => {
  it("diff(a, a) has only `same` steps and no changes", () => {
    fc.assert(
      fc.property(resources, (rs) => {
        const p = plan(rs);
        const d = diffPlans(p, p);
        expect(d.steps.every((s) => s.op === "same" && s.changes.length === 0)).toBe(true);
        expect(d.summary.same).toBe(p.resources.length);
      }),
    );
  });

  it("every resource of a and b is in exactly one step", () => {
    fc.assert(
      fc.property(resources, resources, (ra, rb) => {
        const a = plan(ra);
        const b = plan(rb);
        const d = diffPlans(a, b);
        const keys = new Set([...a.resources, ...b.resources].map((r) => r.urn));
        expect(d.steps.length).toBe(keys.size);
        for (const r of a.resources) expect(d.steps.filter((s) => s.old?.urn === r.urn)).toHaveLength(1);
        for (const r of b.resources) expect(d.steps.filter((s) => s.new?.urn === r.urn)).toHaveLength(1);
        expect(Object.values(d.summary).reduce((x, y) => x + y, 0)).toBe(d.steps.length);
      }),
    );
  });

  it("each step's operation agrees with the inputs", () => {
    fc.assert(
      fc.property(resources, resources, (ra, rb) => {
        const d = diffPlans(plan(ra), plan(rb));
        for (const s of d.steps) {
          if (!s.old) expect(s.op).toBe("create");
          else if (!s.new) expect(s.op).toBe("delete");
          else if (same(s.old.inputs, s.new.inputs)) expect(s.op).toBe("same");
          else {
            expect(["update", "replace"]).toContain(s.op);
            expect(s.changes.length).toBeGreaterThan(0);
            expect(s.op === "replace").toBe(s.changes.some((c) => c.replaces));
            if (s.type === "test:index:Thing") expect(s.op).toBe("update");
            const cidr = [s.old.inputs.cidrBlock, s.new.inputs.cidrBlock];
            if (s.type === "aws:ec2/vpc:Vpc" && JSON.stringify(cidr[0]) !== JSON.stringify(cidr[1])) expect(s.op).toBe("replace");
          }
        }
      }),
    );
  });

  it("creates and deletes swap when the sides swap", () => {
    fc.assert(
      fc.property(resources, resources, (ra, rb) => {
        const ab = diffPlans(plan(ra), plan(rb)).summary;
        const ba = diffPlans(plan(rb), plan(ra)).summary;
        expect([ab.create, ab.delete, ab.same]).toEqual([ba.delete, ba.create, ba.same]);
      }),
    );
  });

  it("reordering a list of named items is not a change", () => {
    fc.assert(
      fc.property(namedList, fc.infiniteStream(fc.nat()), (list, seeds) => {
        const shuffled = [...list].map((x) => ({ x, k: seeds.next().value })).sort((p, q) => p.k - q.k).map((p) => p.x);
        const ctx = { norm: (s: string) => s, oldFingerprints: {}, newFingerprints: {} };
        expect(diffInputs({ containers: list }, { containers: shuffled }, ctx)).toEqual([]);
      }),
    );
  });
});
