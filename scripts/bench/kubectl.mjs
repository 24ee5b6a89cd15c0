/**
 * `kubectl kustomize` side by side with stackplan's engine on the same kustomization. The engine
 * builds an env's overlay with the generated manifests injected; kubectl cannot be handed objects,
 * so the bench writes an equivalent directory: the overlay's files, the injected manifests as
 * `injected.yaml`, and the kustomization with `injected.yaml` first in its `resources` (injected
 * objects are accumulated first, so the order is the same).
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { timed } from "./stats.mjs";

/** Path of kubectl (fetched into .cache/kubectl/ once), or the reason it is not available. */
export function findKubectl(repo) {
  try {
    const out = execFileSync(process.execPath, [path.join(repo, "scripts/fetch-kubectl.mjs")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { kubectl: JSON.parse(out.trim()).kubectl };
  } catch (err) {
    return { reason: String(err.stderr || err.message).trim().split("\n")[0] };
  }
}

/** Write `dest/` as `overlayDir/` plus the injected objects as a resource file listed first. */
export function writeEquivalentDir(overlayDir, injectedYaml, dest) {
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(overlayDir, dest, { recursive: true });
  fs.writeFileSync(path.join(dest, "injected.yaml"), injectedYaml);
  const file = path.join(dest, "kustomization.yaml");
  const doc = parseDocument(fs.readFileSync(file, "utf8"));
  const resources = doc.get("resources")?.toJSON() ?? [];
  doc.set("resources", ["injected.yaml", ...resources]);
  fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return dest;
}

/** Run `kubectl kustomize dir` `runs` times: timings and the output of the last run. */
export function runKubectl(kubectl, dir, runs) {
  let output = "";
  const stats = timed(runs, () => {
    const r = spawnSync(kubectl, ["kustomize", dir], { encoding: "utf8", maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${r.stderr}`);
    output = r.stdout;
  });
  return { ...stats, output };
}

/** Where two outputs first differ, for a loud mismatch report. */
export function firstDifference(a, b) {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: stackplan ${JSON.stringify(la[i] ?? "(end)")} vs kubectl ${JSON.stringify(lb[i] ?? "(end)")}`;
  }
  return "identical";
}
