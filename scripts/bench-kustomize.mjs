#!/usr/bin/env node
/**
 * Benchmark: stackplan's kustomize build against `kubectl kustomize` on a generated
 * 1,000-object kustomization (250 × Deployment, Service, PodDisruptionBudget, ServiceAccount;
 * an overlay with a patch per Deployment, image pins, generators, labels with selectors,
 * annotations and a name prefix). Checks that the outputs are identical and prints the medians
 * and the ratio. Needs `npm run build` (dist/) and fetches kubectl with fetch-kubectl.mjs.
 *
 *   node scripts/bench-kustomize.mjs [--runs 5] [--json]
 *
 * `benchKustomize({ runs })` is exported for the later benchmark suite.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

export function generateKustomization(dir, count = 250) {
  fs.mkdirSync(path.join(dir, "base"), { recursive: true });
  fs.mkdirSync(path.join(dir, "overlay"), { recursive: true });
  const docs = [];
  for (let i = 0; i < count; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  labels:
    app: app-${i}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      serviceAccountName: app-${i}
      containers:
      - name: main
        image: registry.example.com/app-${i}:1.0.${i}
        ports:
        - containerPort: 8080
          name: http
        env:
        - name: MODE
          valueFrom:
            configMapKeyRef:
              name: settings
              key: mode
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector:
    app: app-${i}
  ports:
  - port: 80
    targetPort: http
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: app-${i}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: app-${i}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: app-${i}
`);
  }
  fs.writeFileSync(path.join(dir, "base", "all.yaml"), docs.join("---\n"));
  fs.writeFileSync(path.join(dir, "base", "kustomization.yaml"), "resources:\n- all.yaml\nconfigMapGenerator:\n- name: settings\n  literals:\n  - mode=base\n");
  const patches = [];
  const images = [];
  for (let i = 0; i < count; i++) {
    patches.push(`- target:\n    kind: Deployment\n    name: app-${i}\n  patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: app-${i}\n    spec:\n      replicas: 3\n      template:\n        spec:\n          containers:\n          - name: main\n            env:\n            - name: ENV\n              value: prod\n`);
    images.push(`- name: registry.example.com/app-${i}\n  newTag: 2.0.${i}`);
  }
  fs.writeFileSync(
    path.join(dir, "overlay", "kustomization.yaml"),
    `resources:\n- ../base\nnamePrefix: prod-\nlabels:\n- pairs:\n    env: prod\n  includeSelectors: true\ncommonAnnotations:\n  team: platform\nconfigMapGenerator:\n- name: settings\n  behavior: merge\n  literals:\n  - mode=prod\nsecretGenerator:\n- name: creds\n  literals:\n  - token=abc\nimages:\n${images.join("\n")}\npatches:\n${patches.join("")}`,
  );
  return path.join(dir, "overlay");
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function benchKustomize({ runs = 5 } = {}) {
  const { buildKustomization, serializeObjects } = require(path.join(root, "dist/src/kustomize/index.js"));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-bench-"));
  try {
    const dir = generateKustomization(tmp);
    const fetched = JSON.parse(execFileSync(process.execPath, [path.join(root, "scripts/fetch-kubectl.mjs")], { encoding: "utf8" }).trim());
    const kubectlMs = [];
    let theirs = "";
    for (let i = 0; i < Math.max(1, Math.min(runs, 3)); i++) {
      const t = process.hrtime.bigint();
      const r = spawnSync(fetched.kubectl, ["kustomize", dir], { encoding: "utf8", maxBuffer: 1 << 28 });
      kubectlMs.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (r.status !== 0) throw new Error(`kubectl kustomize failed: ${r.stderr}`);
      theirs = r.stdout;
    }
    const oursMs = [];
    let ours = "";
    for (let i = 0; i < runs + 1; i++) {
      const t = process.hrtime.bigint();
      ours = serializeObjects(buildKustomization(dir));
      if (i > 0) oursMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const objects = ours.split("\n---\n").length;
    const result = { objects, identical: ours === theirs, kubectlMs: median(kubectlMs), stackplanMs: median(oursMs) };
    return { ...result, ratio: result.kubectlMs / result.stackplanMs };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const i = process.argv.indexOf("--runs");
  const r = benchKustomize({ runs: i > 0 ? Number(process.argv[i + 1]) : 5 });
  if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify(r)}\n`);
  else {
    process.stdout.write(
      `objects: ${r.objects}\nidentical output: ${r.identical}\nkubectl kustomize: ${r.kubectlMs.toFixed(0)} ms (median)\n` +
        `stackplan build:   ${r.stackplanMs.toFixed(0)} ms (median, in-process)\nratio: ${r.ratio.toFixed(1)}×\n`,
    );
  }
  if (!r.identical) process.exitCode = 1;
}
