import { describe, expect, it } from "vitest";
import { InputError } from "../../src/util/errors";
import { renderTemplates } from "../../src/values/template";

const env = { name: "prod", region: "us-east-1", account: "333333333333", order: 3 };
const nowhere = () => ({ file: "values.yaml" });

function render(values: Record<string, unknown>) {
  return renderTemplates(values, env, nowhere);
}

function problemOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  throw new Error("expected an InputError");
}

describe("handlebars templating of values", () => {
  it("renders env facts and merged values", () => {
    expect(render({ platform: { name: "shop" }, cluster: { name: "{{values.platform.name}}-{{env.name}}" } })).toEqual({
      platform: { name: "shop" },
      cluster: { name: "shop-prod" },
    });
  });

  it("leaves strings without expressions untouched, including other types", () => {
    const values = { a: "plain", n: 3, b: true, l: ["x", 1], m: { k: null } };
    expect(render(values)).toEqual(values);
  });

  it("renders templated values that refer to other templated values", () => {
    const out = render({ a: "{{values.b}}-a", b: "{{values.c}}-b", c: "{{env.region}}" });
    expect(out).toEqual({ a: "us-east-1-b-a", b: "us-east-1-b", c: "us-east-1" });
  });

  it("keeps the type of a value referenced by a single expression", () => {
    const out = render({ defaults: { replicas: 3, zones: ["a", "b"] }, svc: { replicas: "{{values.defaults.replicas}}", zones: "{{values.defaults.zones}}" } });
    expect(out.svc).toEqual({ replicas: 3, zones: ["a", "b"] });
  });

  it("renders into lists", () => {
    expect(render({ l: ["{{env.name}}", "x"] })).toEqual({ l: ["prod", "x"] });
  });

  it("does not HTML-escape (values are not HTML)", () => {
    expect(render({ a: "x&y", b: "{{values.a}}<{{env.name}}>" }).b).toBe("x&y<prod>");
  });

  it("supports handlebars helpers over known names", () => {
    expect(render({ a: "{{#if env.region}}{{env.region}}{{/if}}" }).a).toBe("us-east-1");
  });

  it("refuses an unknown name under values with what is there", () => {
    expect(problemOf(() => render({ platform: { name: "shop" }, x: "{{values.platform.nme}}" }))).toBe(
      'values.yaml: x: unknown template name "values.platform.nme"; values.platform has: name',
    );
  });

  it("refuses an unknown env fact", () => {
    expect(problemOf(() => render({ x: "{{env.zone}}" }))).toBe(
      'values.yaml: x: unknown template name "env.zone"; env has: name, region, account, order',
    );
  });

  it("refuses names outside env and values", () => {
    expect(problemOf(() => render({ x: "a-{{cluster.name}}" }))).toBe(
      'values.yaml: x: unknown template name "cluster.name" in "a-{{cluster.name}}": names start with env. or values.',
    );
  });

  it("refuses a cycle between templated values", () => {
    expect(problemOf(() => render({ a: "{{values.b}}x", b: "{{values.a}}y" }))).toMatch(/template cycle: a → b → a/);
  });

  it("refuses invalid template syntax", () => {
    expect(problemOf(() => render({ a: "{{#if env.name}}open" }))).toMatch(/^values\.yaml: a: invalid template "\{\{#if env\.name\}\}open"/);
  });

  it("reports every problem together", () => {
    const msg = problemOf(() => render({ a: "{{values.nope}}", b: "{{env.nope}}" }));
    expect(msg.split("\n")[0]).toBe("2 template problems:");
  });
});
