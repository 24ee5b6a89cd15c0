/**
 * Turn recorded registrations into plan resources: normalized inputs, the stack resource the
 * real engine creates, default providers made explicit, everything sorted by URN.
 */
import { createHmac } from "node:crypto";
import * as fs from "node:fs";
import { compareStrings, sortKeysDeep, stableStringify } from "../util/stable-json";
import type { MockSession, RecordedResource } from "./mock-runtime";
import { makeUrn, STACK_TYPE, type PlanResource } from "./types";
import { normalizeWire, type NormalizeOptions } from "./wire";

export function planResources(session: MockSession): PlanResource[] {
  const { project, stack } = session;
  const stackUrn = makeUrn(stack, project, [STACK_TYPE], `${project}-${stack}`);
  const realUrn = engineUrns(session);
  const out: PlanResource[] = [
    { urn: stackUrn, type: STACK_TYPE, name: `${project}-${stack}`, custom: false, dependencies: [], propertyDependencies: {}, inputs: {} },
  ];
  const defaultProviders = new Map<string, PlanResource>();
  for (const r of session.records) {
    if (r.type === STACK_TYPE) continue;
    out.push(toPlanResource(r, stackUrn, project, realUrn, (pkg) => defaultProvider(defaultProviders, stack, project, pkg, stackUrn)));
  }
  out.push(...defaultProviders.values());
  return out.sort((a, b) => (a.type === STACK_TYPE ? -1 : b.type === STACK_TYPE ? 1 : compareStrings(a.urn, b.urn)));
}

function toPlanResource(
  r: RecordedResource,
  stackUrn: string,
  project: string,
  realUrn: (mockUrn: string) => string,
  defaultProviderFor: (pkg: string) => string,
): PlanResource {
  const secretPaths: string[] = [];
  const fingerprints: Record<string, string> = {};
  const onSecret = (path: string, value: unknown) => void (fingerprints[path] = secretFingerprint(project, value));
  const inputs = recordInputs(r, realUrn, { onSecret }, secretPaths);
  const urns = (list: readonly string[]) => [...new Set(list.map(realUrn))].sort(compareStrings);
  const propertyDependencies: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(r.propertyDependencies)) {
    if (v.length > 0) propertyDependencies[k] = urns(v);
  }
  const isProvider = r.type.startsWith("pulumi:providers:");
  const provider = !r.custom || isProvider ? undefined : r.provider ? realUrn(providerUrn(r.provider)) : defaultProviderFor(packageOf(r.type));
  const res: PlanResource = {
    urn: realUrn(r.urn),
    type: r.type,
    name: r.name,
    custom: r.custom,
    parent: r.parent ? realUrn(r.parent) : stackUrn,
    dependencies: urns(r.dependencies),
    propertyDependencies,
    ...(provider ? { provider } : {}),
    inputs,
    ...(r.outputs && !r.custom ? { outputs: normalizeWire(r.outputs, []) as Record<string, unknown> } : {}),
    ...(r.protect ? { protect: true } : {}),
    ...(secretPaths.length ? { secretPaths: [...new Set(secretPaths)].sort(compareStrings) } : {}),
    ...(Object.keys(fingerprints).length ? { secretFingerprints: sortKeysDeep(fingerprints) } : {}),
  };
  return res;
}

/** A registration's inputs as plan data (secrets as `opts` says, engine URNs, sorted keys). */
function recordInputs(r: RecordedResource, realUrn: (u: string) => string, opts: NormalizeOptions, secretPaths: string[] = []): Record<string, unknown> {
  return normalizeWire(r.inputs, secretPaths, "", { ...opts, mapUrn: realUrn }) as Record<string, unknown>;
}

/**
 * The inputs of the registrations with these plan URNs, normalized with other options than
 * plan.json's (leaf-masked or revealed secrets, for manifests). Only the resources that hold a
 * secret need it: without one, both normalizations give the same value.
 */
export function inputsByPlanUrn(session: MockSession, opts: NormalizeOptions, urns: ReadonlySet<string>): Map<string, Record<string, unknown>> {
  const realUrn = engineUrns(session);
  const out = new Map<string, Record<string, unknown>>();
  for (const r of session.records) {
    const urn = r.urn && realUrn(r.urn);
    if (urn && urns.has(urn)) out.set(urn, recordInputs(r, realUrn, opts));
  }
  return out;
}

/**
 * A keyed hash of a secret value: equal values give equal fingerprints within a project (so env
 * vs env and branch vs main diffs can tell a changed secret from an unchanged one), and the
 * fingerprint alone does not show the value. 64 bits are plenty to detect a change.
 */
export function secretFingerprint(project: string, value: unknown): string {
  const mac = createHmac("sha256", `stackplan-secret-fingerprint:v1:${project}`).update(stableStringify(value)).digest("hex");
  return `hmac-sha256:${mac.slice(0, 16)}`;
}

/**
 * The mock monitor builds a child's URN from its parent's LAST type only
 * (`NodeGroup$aws:…`); the engine chains every ancestor type (`Cluster$NodeGroup$aws:…`). Map
 * each mock URN to the engine's, so plans match what `pulumi preview` shows.
 */
function engineUrns(session: MockSession): (mockUrn: string) => string {
  const chainOf = new Map<string, string>();
  const map = new Map<string, string>();
  for (const r of session.records) {
    if (!r.urn) continue;
    const parentChain = r.parent ? chainOf.get(r.parent) : undefined;
    const chain = parentChain && !parentChain.startsWith(STACK_TYPE) ? `${parentChain}$${r.type}` : r.type;
    chainOf.set(r.urn, chain);
    map.set(r.urn, makeUrn(session.stack, session.project, [chain], r.name));
  }
  return (urn) => map.get(urn) ?? urn;
}

/** `urn::id` → `urn`: the id of a provider to be created is unknown anyway. */
function providerUrn(ref: string): string {
  const i = ref.lastIndexOf("::");
  return i > 0 && ref.slice(0, i).startsWith("urn:") ? ref.slice(0, i) : ref;
}

function packageOf(type: string): string {
  return type.split(":")[0]!;
}

function defaultProvider(cache: Map<string, PlanResource>, stack: string, project: string, pkg: string, stackUrn: string): string {
  let p = cache.get(pkg);
  if (!p) {
    const version = packageVersion(pkg);
    const name = `default${version ? `_${version.replace(/\./g, "_")}` : ""}`;
    const type = `pulumi:providers:${pkg}`;
    p = { urn: makeUrn(stack, project, [type], name), type, name, custom: true, parent: stackUrn, dependencies: [], propertyDependencies: {}, inputs: version ? { version } : {} };
    cache.set(pkg, p);
  }
  return p.urn;
}

function packageVersion(pkg: string): string | undefined {
  try {
    const file = require.resolve(`@pulumi/${pkg}/package.json`);
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
