import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";
import { REPO_ROOT } from "../helpers/temp-project";

describe("stackplan schema", () => {
  it("prints a JSON Schema for partial, nullable values layers", async () => {
    const res = await runCli(["schema"], { cwd: REPO_ROOT });
    expect(res.code).toBe(0);
    const schema = JSON.parse(res.stdout);
    expect(schema.title).toBe("stackplan values layer");
    expect(schema.properties.extends).toEqual({ description: expect.any(String), type: "string" });
    // A layer is partial: nothing is required anywhere.
    expect(res.stdout).not.toContain('"required"');
    // null deletes a key, so every property accepts null …
    const services = schema.properties.services.anyOf;
    expect(services).toContainEqual({ type: "null" });
    // … and typos stay errors.
    const service = services[0].additionalProperties.anyOf[0];
    expect(service.additionalProperties).toBe(false);
    expect(Object.keys(service.properties)).toContain("replicas");
  });

  it("is deterministic", async () => {
    const a = await runCli(["schema"], { cwd: REPO_ROOT });
    const b = await runCli(["schema"], { cwd: "/" });
    expect(a.stdout).toBe(b.stdout);
  });
});
