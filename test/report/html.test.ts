/**
 * The report's markup: the same model gives the same bytes, the page references nothing
 * outside itself, every text is escaped, and an existing file is replaced only when it is a
 * report stackplan wrote.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { esc, fit, textWidth } from "../../src/report/markup";
import type { Plan } from "../../src/plan/types";
import { REPORT_MARKER, reportHtml, reportModelOf, writeReport, type ReportModel } from "../../src/report/index";
import { envInput, examplePlans, prodChange } from "./fixtures";

describe("report markup", () => {
  let model: ReportModel;
  let html: string;
  let prodPlan: Plan;
  let allPlans: { dev: Plan; prod: Plan };

  beforeAll(async () => {
    const plans = await examplePlans();
    prodPlan = plans.prod;
    allPlans = plans;
    const c = prodChange(plans.prod);
    model = reportModelOf({ project: "shop-platform", against: "main", version: "0.0.0-test", envs: [envInput(plans.dev), envInput(c.after, c.before)] });
    html = reportHtml(model);
  });

  it("is deterministic: a model built again from copies of the plans prints the same bytes", () => {
    const plans = structuredClone(allPlans);
    const c = prodChange(plans.prod);
    const again = reportModelOf({ project: "shop-platform", against: "main", version: "0.0.0-test", envs: [envInput(plans.dev), envInput(c.after, c.before)] });
    expect(reportHtml(again)).toBe(html);
  });

  it("is self-contained: no URL, no external script, style, font or image, and a policy that loads nothing", () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\s(src|srcset)=/);
    expect(html).not.toMatch(/@import|@font-face|url\(/);
    expect(html).not.toMatch(/<link\b/);
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
    expect(html.slice(0, 200)).toContain(REPORT_MARKER);
  });

  it("writes the map's text as SVG text and the change view as native disclosure widgets", () => {
    expect(html).toMatch(/<text[^>]*>use1-az4<\/text>/);
    expect(html).toMatch(/<text[^>]*>10\.30\.0\.0\/19<\/text>/);
    expect(html).toContain(`<li id="prod-c-nodegroup-shop-ng-general-group" class="res op-replace" data-op="replace" data-type="aws:eks/nodeGroup:NodeGroup"><details>`);
    // A finding badge is a link to its element's findings, and the target exists.
    const badges = [...html.matchAll(/<a href="#([^"]+)" class="badge"/g)].map((m) => m[1]!);
    expect(badges.length).toBeGreaterThan(0);
    for (const id of badges) expect(html).toContain(`id="${id}"`);
  });

  it("gives every id in the page once", () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("escapes every text, names and values included", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = esc(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
      }),
    );
    const hostile = { ...model, project: `<script>alert("x")</script>` };
    expect(reportHtml(hostile)).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(reportHtml(hostile).match(/<script>/g)).toHaveLength(1);
  });

  it("cuts labels to their box with an ellipsis, never wider", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), fc.integer({ min: 40, max: 400 }), (s, w) => {
        const cut = fit(s, w, 13);
        if (cut !== s) {
          expect(cut.endsWith("…")).toBe(true);
          expect(cut.length === 2 || textWidth(cut, 13) <= w).toBe(true);
        }
      }),
    );
  });

  it("replaces a report it wrote, and refuses any other file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-report-"));
    try {
      const file = path.join(dir, "report.html");
      writeReport(file, html);
      writeReport(file, html.replace("0.0.0-test", "0.0.1-test"));
      expect(fs.readFileSync(file, "utf8")).toContain("0.0.1-test");
      const mine = path.join(dir, "notes.html");
      fs.writeFileSync(mine, "<html>my notes</html>");
      expect(() => writeReport(mine, html)).toThrow(/notes\.html: exists and is not a report stackplan wrote; refusing to replace it/);
      expect(fs.readFileSync(mine, "utf8")).toBe("<html>my notes</html>");
      expect(() => writeReport(dir, html, "out")).toThrow(/out: is a directory/);
      expect(fs.readdirSync(dir).sort()).toEqual(["notes.html", "report.html"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says when an env has no findings, and leaves the change out without a comparison", () => {
    const alone = reportHtml(reportModelOf({ project: "shop-platform", version: "0.0.0-test", envs: [envInput(prodPlan)] }));
    expect(alone).toContain('<h3 id="prod-findings-title">Policy findings</h3><p>No findings.</p>');
    expect(alone).not.toContain('id="prod-change"');
    expect(alone).not.toContain("compared with");
  });
});
