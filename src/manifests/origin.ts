/**
 * Where a manifest came from (`overlays/base/manifests/quota.yaml`, `services.web`), for
 * messages. Kept beside the objects rather than in them, so manifests stay exactly what is
 * applied; an object a transformer creates anew simply has no recorded origin.
 */
import type { Manifest } from "./types";

const origins = new WeakMap<object, string>();

export function setOrigin<T extends Manifest>(m: T, origin: string): T {
  origins.set(m, origin);
  return m;
}

export function originOf(m: Manifest): string | undefined {
  return origins.get(m);
}
