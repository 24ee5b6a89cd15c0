/**
 * The pack under the real policy runtime: `@pulumi/pulumi/cmd/run-policy-pack` started in
 * policies/ exactly as the nodejs language host starts it for `pulumi preview --policy-pack
 * policies`, then asked over gRPC what it holds and to analyze a resource. Needs dist/ (the
 * suite's `npm test` builds it first); skipped with a message when it is missing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../policies/registry";

const ROOT = path.resolve(__dirname, "../..");
const built = fs.existsSync(path.join(ROOT, "dist/policies/pack.js"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const grpc = require("@grpc/grpc-js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pb = require("@pulumi/pulumi/proto/analyzer_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Empty } = require("google-protobuf/google/protobuf/empty_pb");

describe.skipIf(!built)("the CrossGuard pack under the Pulumi policy runtime", () => {
  let child: ChildProcess;
  let client: { getAnalyzerInfo: Function; analyze: Function; close(): void };

  beforeAll(async () => {
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [path.join(ROOT, "policies")] });
    child = spawn(process.execPath, [runner, "127.0.0.1:1", "."], { cwd: path.join(ROOT, "policies"), env: { ...process.env, PULUMI_CONFIG: JSON.stringify({ "stackplan:class": "production" }), PULUMI_NODEJS_STACK: "prod" } });
    const port = await new Promise<string>((resolve, reject) => {
      let err = "";
      child.stdout!.on("data", (d: Buffer) => resolve(d.toString().trim()));
      child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
      child.on("exit", (code) => reject(new Error(`pack exited ${code}: ${err}`)));
    });
    client = new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  });

  afterAll(() => {
    client?.close();
    child?.kill();
  });

  const call = <T>(method: string, req: unknown): Promise<T> =>
    new Promise((resolve, reject) => (client as unknown as Record<string, Function>)[method]!.call(client, req, (e: Error | null, r: T) => (e ? reject(e) : resolve(r))));

  it("serves pack stackplan with one policy per rule, mandatory for a production stack", async () => {
    const info = await call<{ getName(): string; getPoliciesList(): { getName(): string; getEnforcementlevel(): number }[] }>("getAnalyzerInfo", new Empty());
    expect(info.getName()).toBe("stackplan");
    expect(info.getPoliciesList().map((p) => p.getName())).toEqual(RULES.map((r) => r.id));
    expect(new Set(info.getPoliciesList().map((p) => p.getEnforcementlevel()))).toEqual(new Set([pb.EnforcementLevel.MANDATORY]));
  });

  it("analyzes a resource: a log group that never expires is a mandatory LOG-002 violation", async () => {
    const req = new pb.AnalyzeRequest();
    req.setType("aws:cloudwatch/logGroup:LogGroup");
    req.setName("app");
    req.setUrn("urn:pulumi:prod::shop-platform::aws:cloudwatch/logGroup:LogGroup::app");
    req.setOptions(new pb.AnalyzerResourceOptions()); // the engine always sends options
    req.setProperties(Struct.fromJavaScript({ name: "/shop/prod/app", tags: { "stackplan:tier": "application" } }));
    const res = await call<{ getDiagnosticsList(): { getPolicyname(): string; getMessage(): string; getEnforcementlevel(): number }[] }>("analyze", req);
    const diags = res.getDiagnosticsList().map((d) => [d.getPolicyname(), d.getEnforcementlevel(), d.getMessage().split("\n").pop()]);
    expect(diags).toEqual([["LOG-002", pb.EnforcementLevel.MANDATORY, "has no retentionInDays: its events never expire [retentionInDays]"]]);
  });
});
