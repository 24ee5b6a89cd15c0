/**
 * Secrets (issue 9): distinctive secrets planted in a copy of the example platform — a Pulumi
 * secret (`secure:` stack config behind a service env `pulumiSecret`), secretGenerator literals
 * and files of a kustomization, a Secret manifest's stringData and data — never appear, in plain
 * text, base64 or hex, in anything stackplan writes or prints: the plan and manifests, diffs,
 * check reports, cost, review, spec, build and logs (error messages: the bad-input corpus). `--reveal-secrets` shows
 * them in manifests only (which also proves the search would find them).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshot } from "../bad-inputs/corpus";
import { runCli } from "../helpers/cli";
import { copyExampleProject } from "../helpers/temp-project";

const CIPHERTEXT = "v1:Q2lwaGVyWmVicmE=:Zebra-Ciphertext-4711";
const LITERAL = "Zebra-Literal-Password-8842";
const FILE = "Zebra-File-Token-9953";
const STRING_DATA = "Zebra-StringData-ApiKey-1122";
const DATA = "Zebra-Data-Other-6604";
const SECRETS = [CIPHERTEXT, LITERAL, FILE, STRING_DATA, DATA];

/** A secret as it may show up: plain, hex, base64 at any byte alignment inside a longer value. */
function encodings(secret: string): string[] {
  const out = [secret, Buffer.from(secret).toString("hex")];
  for (let pad = 0; pad < 3; pad++) {
    const b64 = Buffer.from("x".repeat(pad) + secret).toString("base64");
    // Drop the characters that depend on the bytes around the secret.
    out.push(b64.slice(Math.ceil((pad * 4) / 3) + 1, -4));
  }
  return out;
}

function leaks(text: string): string[] {
  return SECRETS.filter((s) => encodings(s).some((e) => text.includes(e)));
}

let root: string;
const outputs: Record<string, string> = {};

async function cli(args: string[], label = args.join(" ")): Promise<void> {
  const r = await runCli(args, { cwd: root });
  outputs[`${label} (stdout)`] = r.stdout;
  outputs[`${label} (stderr)`] = r.stderr;
}

function plant(rel: string, fn: (text: string) => string): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, fn(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""));
}

beforeAll(async () => {
  root = copyExampleProject();
  for (const env of ["dev", "staging", "prod"]) plant(`stacks/Pulumi.${env}.yaml`, (t) => `${t}  stackplan:dbPassword:\n    secure: ${CIPHERTEXT}\n`);
  plant("overlays/base/values.yaml", (t) => {
    const anchor = "      PROVIDER_ENDPOINT: https://api.payments.example.net\n";
    if (!t.includes(anchor)) throw new Error("the payments service changed: update the secrets test");
    return t.replace(anchor, `${anchor}      DB_PASSWORD: { pulumiSecret: dbPassword }\n`);
  });
  plant("overlays/prod/kustomization.yaml", (t) => `${t}\nsecretGenerator:\n  - name: db\n    namespace: shop\n    literals: [password=${LITERAL}]\n    files: [token=secrets/token.txt]\n`);
  plant("overlays/prod/secrets/token.txt", () => FILE);
  plant(
    "overlays/base/manifests/api-secret.yaml",
    () => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\n  namespace: shop\nstringData:\n  apiKey: ${STRING_DATA}\ndata:\n  other: ${Buffer.from(DATA).toString("base64")}\n`,
  );
  plant("k/kustomization.yaml", () => `secretGenerator:\n  - name: db\n    literals: [password=${LITERAL}]\n    files: [token=token.txt]\n`);
  plant("k/token.txt", () => FILE);

  // review renders every env (and writes them with --out): the plans the other commands read.
  await cli(["review", "--out", "out"]);
  for (const format of ["text", "json", "markdown"]) {
    await cli(["diff", "--from", "out/dev", "--to", "out/prod", "--format", format, "--show-sames"]);
    await cli(["diff", "--from", "out/staging", "--to", "out/prod", "--format", format, "--no-normalize"]);
  }
  for (const format of ["text", "json", "sarif", "junit", "markdown"]) await cli(["check", "--all", "--plan-dir", "out", "--format", format, "--verbose"]);
  for (const format of ["text", "json", "markdown"]) {
    await cli(["cost", "--env", "prod", "--plan-dir", "out", "--format", format]);
    await cli(["cost", "--env", "prod", "--against", "dev", "--plan-dir", "out", "--format", format]);
  }
  await cli(["spec", "--env", "prod"]);
  await cli(["rules", "--pack-config", "prod"]);
  await cli(["build", "k"]);
  // Error messages are covered by the bad-input corpus (manifest-secret-value-not-shown,
  // kustomization-secret-literal-not-shown): their exact expected messages hold no secret.
}, 180_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("secrets never in plain text", () => {
  it("ran every command", () => {
    expect(outputs["review --out out (stdout)"]).toContain("Policy checks:");
    expect(outputs["build k (stdout)"]).toContain("password: '[secret]'");
  });

  it("keeps them out of every file written: plans, manifests, kustomizations", () => {
    const files = snapshot(path.join(root, "out"));
    expect(Object.keys(files).filter((f) => f.includes("/secret-shop-"))).toHaveLength(2 * 3 + 1); // api and payments per env, db in prod
    for (const [file, text] of Object.entries(files)) expect(leaks(text), file).toEqual([]);
  });

  it("keeps them out of everything printed: diffs, reports, cost, review, spec, build, logs", () => {
    for (const [what, text] of Object.entries(outputs)) expect(leaks(text), what).toEqual([]);
  });

  it("--reveal-secrets writes them into manifests only, never into plan.json", async () => {
    const r = await runCli(["render", "--env", "prod", "--out", "revealed", "--reveal-secrets"], { cwd: root });
    expect(leaks(r.stdout + r.stderr)).toEqual([]);
    const files = snapshot(path.join(root, "revealed", "prod"));
    expect(leaks(files["plan.json"]!)).toEqual([]);
    const manifests = Object.entries(files).filter(([f]) => f.startsWith("manifests/")).map(([, t]) => t).join("\n");
    expect(leaks(manifests).sort()).toEqual([...SECRETS].sort());
    const build = await runCli(["build", "k", "--reveal-secrets"], { cwd: root });
    expect(leaks(build.stdout).sort()).toEqual([FILE, LITERAL].sort());
  });
});
