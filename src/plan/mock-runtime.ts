/**
 * Runs Pulumi programs offline: installs `@pulumi/pulumi` runtime mocks in preview mode and
 * records every registration the program makes — type, name, parent, dependencies, provider,
 * inputs in wire form — by wrapping the mock monitor. The mock echoes inputs as outputs (what a
 * real preview does for resources to be created) and leaves ids unknown.
 *
 * One program per process: the Pulumi runtime is a process-wide singleton.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { SIG_KEY } from "./wire";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rpc = require("@pulumi/pulumi/runtime/rpc") as {
  deserializeProperties(struct: { toJavaScript(): Record<string, unknown> }): Record<string, unknown>;
  serializeProperties(label: string, props: Record<string, unknown>): Promise<Record<string, unknown>>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: <T>(p: Promise<T>, ctx?: unknown) => Promise<T> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const resproto = require("@pulumi/pulumi/proto/resource_pb") as {
  RegisterResourceResponse: new () => { setUrn(u: string): void; setId(i: string): void; getUrn(): string };
};

export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  /** URN as the mock monitor built it. */
  urn: string;
  readonly parent: string;
  readonly dependencies: readonly string[];
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  /** Provider reference `urn::id`, or "" for a default provider. */
  readonly provider: string;
  readonly protect: boolean;
  /** Inputs in wire form (secrets and unknowns still signed). */
  readonly inputs: Record<string, unknown>;
  /** Outputs registered by a component (wire form). */
  outputs?: Record<string, unknown>;
}

export interface MockSession {
  readonly project: string;
  readonly stack: string;
  /** Registrations in the order the program made them. */
  readonly records: RecordedResource[];
  /**
   * `<type> "<name>"` of the resource constructed last, set synchronously by its constructor
   * (registrations reach the monitor later): what a failure message points at.
   */
  lastConstructed?: string;
}

export interface InstallOptions {
  readonly project: string;
  readonly stack: string;
  /** Config as Pulumi passes it: `ns:key` → string (structured values JSON-encoded). */
  readonly config?: Readonly<Record<string, string>>;
  readonly secretKeys?: readonly string[];
  /**
   * Skip the SDK's per-resource stack captures (source positions, promise-leak traces). They are
   * never part of a plan and cost a third of the run time on large programs.
   */
  readonly fast?: boolean;
}

export async function installMocks(opts: InstallOptions): Promise<MockSession> {
  if (opts.fast) {
    (pulumi.Resource as unknown as { callsites: () => unknown[] }).callsites = () => [];
    Error.stackTraceLimit = 0;
    // The SDK tags every promise of a registration for its leaked-promise report at exit (three
    // properties, a stack, two more promises each). A render worker has answered its parent by
    // then, and its exit status is not read: the report changes nothing offline.
    debuggable.debuggablePromise = (p) => p;
    deferStructs();
  }
  const session: MockSession = { project: opts.project, stack: opts.stack, records: [] };
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({ id: undefined, state: args.custom === false ? {} : args.inputs }),
      call: (args) => {
        throw new Error(
          `invoke ${args.token} cannot be answered offline; derive the value from the spec instead of calling a data source`,
        );
      },
    },
    opts.project,
    opts.stack,
    true,
  );
  if (opts.config) pulumi.runtime.setAllConfig({ ...opts.config }, [...(opts.secretKeys ?? [])]);
  wrapMonitor(session, Boolean(opts.fast));
  trackConstruction(session);
  return session;
}

/** Note each resource as its constructor runs (the SDK's registerResource is called synchronously from it). */
function trackConstruction(session: MockSession): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require("@pulumi/pulumi/runtime/resource") as { registerResource: (...args: unknown[]) => unknown };
  const register = mod.registerResource;
  mod.registerResource = function (this: unknown, ...args: unknown[]) {
    session.lastConstructed = `${String(args[2])} ${JSON.stringify(String(args[3]))}`;
    return register.apply(this, args);
  };
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getDependenciesList(): string[];
  getPropertydependenciesMap(): { forEach(cb: (v: { getUrnsList(): string[] }, k: string) => void): void };
  getProvider(): string;
  getProtect(): boolean;
  getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
}

type RegisterCallback = (err: unknown, resp: { getUrn(): string } | undefined) => void;

/** The SDK's MockMonitor, as far as the fast registration below uses it. */
interface MockMonitor {
  registerResource(req: RegisterRequest, cb: RegisterCallback): void;
  registerResourceOutputs(req: { getUrn(): string; getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined }, cb: (...a: unknown[]) => void): void;
  newUrn(parent: string, type: string, name: string): string;
  readonly resources: Map<string, { urn: string; id: string | null; state: unknown }>;
}

function wrapMonitor(session: MockSession, fast: boolean): void {
  const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitor;
  const byUrn = new Map<string, RecordedResource>();
  const register = fast ? (req: RegisterRequest, cb: RegisterCallback) => fastRegister(monitor, req, cb) : monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((v, k) => (propertyDependencies[k] = v.getUrnsList()));
    const record: RecordedResource = {
      type: req.getType(),
      name: req.getName(),
      custom: req.getCustom(),
      urn: "",
      parent: req.getParent(),
      dependencies: req.getDependenciesList(),
      propertyDependencies,
      provider: req.getProvider(),
      protect: req.getProtect(),
      inputs: wireInputs(req),
    };
    session.records.push(record);
    register(req, (err, resp) => {
      if (resp) {
        record.urn = resp.getUrn();
        byUrn.set(record.urn, record);
      }
      cb(err, resp);
    });
  };
  const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (req, cb) => {
    const rec = byUrn.get(req.getUrn());
    if (rec) rec.outputs = req.getOutputs()?.toJavaScript() ?? {};
    registerOutputs(req, cb);
  };
}

/**
 * The request's inputs in wire form, converted from protobuf once (the fast registration reads
 * them again). A deferred Struct hands over the data it was made from, uncopied: the plan
 * normalizes (copies, keys sorted) it anyway.
 */
function wireInputs(req: RegisterRequest): Record<string, unknown> {
  const struct = req.getObject() as ({ toJavaScript(): Record<string, unknown>; [PLAIN]?: Record<string, unknown> } | undefined);
  if (!struct) return {};
  const wire = struct[PLAIN] ?? struct.toJavaScript();
  struct.toJavaScript = () => wire;
  return wire;
}

/**
 * What the SDK's `MockMonitor.registerResource` answers for installMocks' mocks (a custom
 * resource's state is its inputs, a component's is empty, ids are unknown) — the same steps,
 * less two protobuf conversions: the response carries its state as plain data, with the keys in
 * the order a protobuf Struct gives them back (sorted). At 3,000 resources this is a tenth of a
 * render. test/plan/mock-runtime.test.ts renders a program both ways and compares the plans.
 */
function fastRegister(monitor: MockMonitor, req: RegisterRequest, cb: RegisterCallback): void {
  const answer = async () => {
    const struct = req.getObject() ?? { toJavaScript: () => ({}) };
    const custom = req.getCustom() !== false;
    const urn = monitor.newUrn(req.getParent(), req.getType(), req.getName());
    let serializedState: Record<string, unknown>;
    if (!custom) serializedState = await {};
    else if (!hasSignature(struct.toJavaScript())) {
      // Plain data (no secret, resource reference, output value or asset) comes back from
      // deserializeProperties → serializeProperties as it went in: skip the round trip.
      serializedState = await struct.toJavaScript();
    } else {
      const inputs = rpc.deserializeProperties(struct);
      // As the SDK awaits the mocks' newResource: the same number of turns before the answer.
      const { state } = await { state: inputs };
      serializedState = await rpc.serializeProperties("", state);
    }
    monitor.resources.set(urn, { urn, id: null, state: serializedState });
    const response = new resproto.RegisterResourceResponse();
    response.setUrn(urn);
    response.setId("");
    const object = plainStruct(serializedState);
    (response as unknown as { getObject(): typeof object }).getObject = () => object;
    return response;
  };
  answer().then(
    (response) => cb(null, response),
    (err: unknown) => cb(err, undefined),
  );
}

/** Whether a wire value holds a signed object (secret, resource reference, output value, asset). */
function hasSignature(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasSignature);
  if (v === null || typeof v !== "object") return false;
  if (SIG_KEY in v) return true;
  for (const k in v) if (hasSignature((v as Record<string, unknown>)[k])) return true;
  return false;
}

/** Stands in for `Struct.fromJavaScript(value)` where only `toJavaScript()` is read back. */
function plainStruct(value: Record<string, unknown>): { toJavaScript(): Record<string, unknown> } {
  return { toJavaScript: () => sortedCopy(value) as Record<string, unknown> };
}

function sortedCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedCopy);
  if (v === null || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortedCopy((v as Record<string, unknown>)[k]);
  return out;
}

/** The plain data a deferred Struct was made from. */
const PLAIN = Symbol("stackplan.plainStruct");

/**
 * The SDK wraps the inputs of every registration in a protobuf Struct (`Struct.fromJavaScript`)
 * that the mock monitor turns straight back into plain data (`toJavaScript`): a tenth of a
 * render's CPU and much of its garbage at 3,000 resources. Offline, nothing is sent over the
 * wire, so the Struct can carry the plain data and build its protobuf form only if something
 * reads that (`getFieldsMap`, `serializeBinary`, `toObject`). `toJavaScript` gives what the
 * real Struct gives: a fresh copy with the keys sorted. test/plan/render.test.ts renders its
 * fixture project with and without this (STACKPLAN_DEBUG) and compares the bytes.
 */
function deferStructs(): void {
  const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Struct } = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [pulumiDir] })) as { Struct: StructClass };
  const fromJavaScript = Struct.fromJavaScript;
  Struct.fromJavaScript = (value) => {
    const struct = new Struct() as StructInstance & { [PLAIN]?: Record<string, unknown> };
    struct[PLAIN] = value;
    let full: StructInstance | undefined;
    const real = () => (full ??= fromJavaScript(value));
    struct.toJavaScript = () => sortedCopy(value) as Record<string, unknown>;
    struct.getFieldsMap = (...args) => real().getFieldsMap(...args);
    struct.serializeBinary = () => real().serializeBinary();
    struct.toObject = (...args) => real().toObject(...args);
    return struct;
  };
}

interface StructInstance {
  toJavaScript(): Record<string, unknown>;
  getFieldsMap(...args: unknown[]): unknown;
  serializeBinary(): Uint8Array;
  toObject(...args: unknown[]): unknown;
}
interface StructClass {
  new (): StructInstance;
  fromJavaScript(value: Record<string, unknown>): StructInstance;
}

/** Wait until every registration, including those made inside `apply`, has been answered. */
export async function settle(): Promise<void> {
  const waitForRPCs = (pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> }).waitForRPCs;
  if (waitForRPCs) await waitForRPCs();
}
