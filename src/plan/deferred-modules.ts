/**
 * Start-up of a render worker. `@pulumi/pulumi` loads TypeScript and npm's arborist as soon as
 * it is required — about 0.75 s of every worker's start on a 2-core machine — for closure
 * serialization (`pulumi.runtime.serializeFunction`, dynamic providers), which an offline render
 * never performs; a few smaller modules (below) are another 90 modules, 30 ms. In the worker,
 * `require` of these modules returns a stand-in that loads the real module the first time one of
 * its members is read: nothing else changes, and code that does use them still gets the real
 * thing.
 */
import Module = require("node:module");

/**
 * Modules the SDK requires eagerly and an offline render does not use: closure serialization's
 * (TypeScript, arborist, npm's package.json normalizer, upath), the plugin manifest's YAML reader
 * and the tracing API (read only when a trace is being sent). Each is required as a namespace or
 * default import, never called directly, so a stand-in can take its place.
 */
export const DEFERRED_MODULES: readonly string[] = ["typescript", "@npmcli/arborist", "normalize-package-data", "upath", "js-yaml", "@opentelemetry/api"];

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

let installed = false;
const loaded = new Set<string>();

/** Install the deferral (once per process). */
export function deferUnusedModules(): void {
  if (installed) return;
  installed = true;
  const mod = Module as unknown as { _load: Load };
  const load = mod._load;
  const standIns = new Map<string, object>();
  mod._load = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
    if (isMain || !DEFERRED_MODULES.includes(request) || loaded.has(request)) return load.call(this, request, parent, isMain);
    let s = standIns.get(request);
    if (!s) {
      s = standIn(() => {
        loaded.add(request);
        return load.call(this, request, parent, isMain) as object;
      });
      standIns.set(request, s);
    }
    return s;
  };
}

/** Which deferred modules have really been loaded (for tests). */
export function loadedDeferredModules(): string[] {
  return [...loaded];
}

/**
 * A stand-in for a module. It tells TypeScript's `__importStar` helper it is an ES module, so
 * the helper keeps it as it is instead of copying its members (which would load it); every other
 * access goes to the real module.
 */
function standIn(loadReal: () => object): object {
  let real: object | undefined;
  const target = () => (real ??= loadReal());
  return new Proxy(
    {},
    {
      get(_t, key) {
        if (real === undefined && key === "__esModule") return true;
        const m = target() as Record<string | symbol, unknown>;
        if (key === "default" && !m.__esModule) return m;
        return Reflect.get(m, key);
      },
      set: (_t, key, value) => Reflect.set(target(), key, value),
      has: (_t, key) => Reflect.has(target(), key),
      ownKeys: () => Reflect.ownKeys(target()),
      getOwnPropertyDescriptor(_t, key) {
        const d = Reflect.getOwnPropertyDescriptor(target(), key);
        // The stand-in's own target has no such property: it may only be reported configurable.
        return d && { ...d, configurable: true };
      },
    },
  );
}
