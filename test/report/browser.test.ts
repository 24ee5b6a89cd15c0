/// <reference lib="dom" />
/**
 * The report in a real browser: Debian's Chromium (installed by .ci/run), driven by
 * playwright-core. It opens the report of the example platform (dev and prod) and of a prod
 * change that replaces a node group, and checks what a reviewer relies on: the map's structure,
 * that nothing is fetched, that the change view filters, that the keyboard reaches the links,
 * that 200 % zoom keeps the page readable, and each env's map against its golden image.
 * `UPDATE_GOLDEN=1` rewrites the images (and the README's picture of the prod map).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { PNG } from "pngjs";
import pixelmatch from "pixelmatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportHtml, reportModelOf } from "../../src/report/index";
import { REPO_ROOT } from "../helpers/temp-project";
import { envInput, examplePlans, prodChange } from "./fixtures";

const CHROMIUM = "/usr/bin/chromium";
const GOLDEN = path.join(__dirname, "golden");
const README_IMAGE = path.join(REPO_ROOT, "docs/report-prod-map.png");
/** Share of pixels that may differ (anti-aliasing, a font hinting change) before an image fails. */
const TOLERANCE = 0.01;

const missing = fs.existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed (.ci/run installs Debian's chromium with apt-get)`;
if (missing) console.warn(`Skipping the report's browser tests: ${missing}`);

describe.skipIf(missing !== undefined)("report in Chromium", () => {
  let dir: string;
  let context: BrowserContext;
  let envsFile: string;
  let changeFile: string;
  const outside: string[] = [];

  beforeAll(async () => {
    const plans = await examplePlans();
    const c = prodChange(plans.prod);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-browser-"));
    envsFile = path.join(dir, "envs.html");
    changeFile = path.join(dir, "change.html");
    const version = "0.0.0-test";
    fs.writeFileSync(envsFile, reportHtml(reportModelOf({ project: "shop-platform", version, envs: [envInput(plans.dev), envInput(plans.prod)] })));
    fs.writeFileSync(changeFile, reportHtml(reportModelOf({ project: "shop-platform", against: "main", version, envs: [envInput(c.after, c.before)] })));
    context = await chromium.launchPersistentContext(path.join(dir, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
    });
    // Every request that is not the report file itself is recorded and refused.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file://") && (url.endsWith("/envs.html") || url.endsWith("/change.html"))) return route.continue();
      outside.push(url);
      return route.abort();
    });
  });
  afterAll(async () => {
    await context?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await context.newPage();
    page.on("request", (r) => {
      if (!r.url().startsWith("file://")) outside.push(r.url());
    });
    await page.setViewportSize(viewport);
    await page.goto(`file://${file}`);
    return page;
  }

  it("draws prod with three AZ columns, a NAT gateway per AZ and each workload on its node group", async () => {
    const page = await open(envsFile);
    const map = page.locator("#prod-map svg.map");
    const azs = await map.locator('[data-kind="az"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-az")));
    expect(azs).toEqual(["use1-az1", "use1-az2", "use1-az4"]);
    for (const az of azs) {
      const nat = map.locator(`[data-kind="az"][data-az="${az}"] [data-kind="subnet"][data-tier="public"] [data-kind="nat"]`);
      expect(await nat.count()).toBe(1);
      expect(await nat.getAttribute("data-serves")).toBe(az);
      // The NAT is drawn inside its AZ's column.
      const col = (await map.locator(`[data-kind="az"][data-az="${az}"] > rect`).boundingBox())!;
      const box = (await nat.locator("> rect").boundingBox())!;
      expect(box.x >= col.x && box.x + box.width <= col.x + col.width).toBe(true);
    }
    const onGroup = async (group: string) =>
      map.locator(`[data-kind="node-group"][data-name="${group}"] [data-kind="workload"]`).evaluateAll((els) => els.map((e) => `${e.getAttribute("data-name")}@${e.getAttribute("data-node-group")}`));
    expect(await onGroup("batch")).toEqual(["worker@batch"]);
    expect(await onGroup("general")).toEqual(["api", "cart", "catalog", "checkout", "notifications", "payments", "recommendations", "search", "web"].map((n) => `${n}@general`));
    // Real text, visible to the page's text search and to screen readers.
    expect(await map.locator("text", { hasText: "10.30.0.0/19" }).count()).toBe(1);
    await page.close();
  });

  it("fetches nothing: no request leaves the page", async () => {
    const page = await open(envsFile);
    await page.locator("a.badge").first().click();
    await page.close();
    const page2 = await open(changeFile);
    await page2.locator('input[name="op"][value="update"]').uncheck();
    await page2.close();
    expect(outside).toEqual([]);
  });

  it("filters the change view by operation and by type, replacements first", async () => {
    const page = await open(changeFile);
    const shown = () => page.locator("[data-tree] li[data-op]:visible").evaluateAll((els) => els.map((e) => e.getAttribute("data-op")));
    expect(await shown()).toEqual(["replace", "delete", "create", "update"]);
    await page.locator('input[name="op"][value="update"]').uncheck();
    expect(await shown()).toEqual(["replace", "delete", "create"]);
    await expect.poll(() => page.locator("output[data-shown]").textContent()).toBe("3 of 4 changed resources shown");
    await page.locator('input[name="op"][value="update"]').check();
    await page.locator('select[name="type"]').selectOption("aws:ec2/vpcEndpoint:VpcEndpoint");
    expect(await shown()).toEqual(["delete", "create"]);
    // A component left with nothing to show is hidden with its resources.
    expect(await page.locator("[data-tree] li[data-group]:visible").count()).toBe(1);
    await page.locator('select[name="type"]').selectOption("");
    await page.locator("button[data-expand]").click();
    expect(await page.locator("li.res.op-replace .prop").first().isVisible()).toBe(true);
    expect(await page.locator("li.res.op-replace .prop").first().textContent()).toContain("instanceTypes");
    // The replaced node group is marked on the map by more than its colour.
    const group = page.locator('#prod-map [data-kind="node-group"][data-name="general"]');
    expect(await group.getAttribute("data-mark")).toBe("replace");
    expect(await group.locator("> text").first().textContent()).toContain("+- node group general");
    await page.close();
  });

  it("is keyboard navigable: a skip link first, then links to the findings from the map", async () => {
    const page = await open(envsFile);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the report");
    // Tab on until a finding badge of the map has the focus; Enter follows it.
    let label: string | null = null;
    for (let i = 0; i < 60 && !label; i++) {
      await page.keyboard.press("Tab");
      label = await page.evaluate(() => (document.activeElement?.classList.contains("badge") ? document.activeElement.getAttribute("aria-label") : null));
    }
    expect(label).toMatch(/^\d+ policy findings? on /);
    await page.keyboard.press("Enter");
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toMatch(/-findings$/);
    expect(await page.locator(`${hash} li`).count()).toBeGreaterThan(0);
    await page.close();
  });

  it("stays readable at 200 % zoom: only the map scrolls sideways, in its own focusable region", async () => {
    // A 1280 px window at 200 % zoom lays the page out in 640 CSS px.
    const page = await open(envsFile, { width: 640, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const region = page.locator("#prod-map .map-scroll");
    expect(await region.getAttribute("tabindex")).toBe("0");
    expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    // Text keeps its size: the map is not shrunk to fit.
    const size = await page.locator("#prod-map svg.map text.t-body").first().evaluate((e) => getComputedStyle(e).fontSize);
    expect(size).toBe("13px");
    await page.close();
  });

  for (const env of ["dev", "prod"]) {
    it(`draws the ${env} map as its golden image (within ${TOLERANCE * 100} % of the pixels)`, async () => {
      const page = await open(envsFile);
      const shot = await page.locator(`#${env}-map svg.map`).screenshot({ animations: "disabled" });
      await page.close();
      const golden = path.join(GOLDEN, `${env}-map.png`);
      if (process.env["UPDATE_GOLDEN"]) {
        fs.mkdirSync(GOLDEN, { recursive: true });
        fs.writeFileSync(golden, shot);
        if (env === "prod") {
          fs.mkdirSync(path.dirname(README_IMAGE), { recursive: true });
          fs.writeFileSync(README_IMAGE, shot);
        }
      }
      expect(fs.existsSync(golden), `${golden} is missing: UPDATE_GOLDEN=1 npx vitest run test/report/browser.test.ts writes it`).toBe(true);
      const want = PNG.sync.read(fs.readFileSync(golden));
      const got = PNG.sync.read(shot);
      expect({ width: got.width, height: got.height }).toEqual({ width: want.width, height: want.height });
      const differing = pixelmatch(want.data, got.data, undefined, want.width, want.height, { threshold: 0.1 });
      expect(differing / (want.width * want.height)).toBeLessThanOrEqual(TOLERANCE);
      if (env === "prod") expect(fs.readFileSync(README_IMAGE).equals(fs.readFileSync(golden))).toBe(true);
    });
  }
});
