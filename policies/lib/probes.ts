/**
 * Probe handlers compared the way the kubelet runs them: an httpGet on a named port is the
 * same request as one on that port's number, path `/` and scheme HTTP are defaults.
 */
import { isObject, optArray, optNumber, optObject, optString, Unevaluable } from "./values";

export function probeHandler(probe: Record<string, unknown>, container: Record<string, unknown>, path: string): string {
  const port = (v: unknown): unknown => resolvePort(v, container);
  const http = optObject(probe, "httpGet", `${path}.httpGet`);
  if (http) {
    const headers = (optArray(http, "httpHeaders", `${path}.httpGet.httpHeaders`) ?? []).map((h) => (isObject(h) ? `${String(h["name"]).toLowerCase()}=${String(h["value"])}` : String(h))).sort();
    return JSON.stringify(["http", (optString(http, "scheme") ?? "HTTP").toUpperCase(), optString(http, "host") ?? "", port(http["port"]), optString(http, "path") ?? "/", headers]);
  }
  const tcp = optObject(probe, "tcpSocket", `${path}.tcpSocket`);
  if (tcp) return JSON.stringify(["tcp", optString(tcp, "host") ?? "", port(tcp["port"])]);
  const exec = optObject(probe, "exec", `${path}.exec`);
  if (exec) return JSON.stringify(["exec", optArray(exec, "command", `${path}.exec.command`) ?? []]);
  const grpc = optObject(probe, "grpc", `${path}.grpc`);
  if (grpc) return JSON.stringify(["grpc", port(grpc["port"]), optString(grpc, "service") ?? ""]);
  throw new Unevaluable(path, "the probe has no httpGet, tcpSocket, exec or grpc handler");
}

function resolvePort(v: unknown, container: Record<string, unknown>): unknown {
  if (typeof v !== "string" || /^\d+$/.test(v)) return typeof v === "string" ? Number(v) : v;
  const ports = optArray(container, "ports") ?? [];
  const found = ports.find((p) => isObject(p) && p["name"] === v);
  return isObject(found) && typeof found["containerPort"] === "number" ? found["containerPort"] : v;
}

/** Seconds of failing checks before the kubelet acts: initialDelay + period × failureThreshold (defaults 0, 10, 3). */
export function failureWindow(probe: Record<string, unknown>, path: string): number {
  const delay = optNumber(probe, "initialDelaySeconds", `${path}.initialDelaySeconds`) ?? 0;
  const period = optNumber(probe, "periodSeconds", `${path}.periodSeconds`) ?? 10;
  const threshold = optNumber(probe, "failureThreshold", `${path}.failureThreshold`) ?? 3;
  return delay + period * threshold;
}
