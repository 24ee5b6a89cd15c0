/** One entry point for every report format, for one env or several (`--all`). */
import { InputError } from "../util/errors";
import { stableStringify } from "../util/stable-json";
import type { Locator } from "./locate";
import { JSON_REPORT_VERSION } from "./report/json";
import { junitReport } from "./report/junit";
import { markdownReport } from "./report/markdown";
import { sarifReport } from "./report/sarif";
import { textReport } from "./report/text";
import { summarize, type CheckResult } from "./types";

export const FORMATS = ["text", "json", "sarif", "junit", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(v: string): Format {
  if ((FORMATS as readonly string[]).includes(v)) return v as Format;
  throw new InputError({ path: "--format", message: `unknown format ${JSON.stringify(v)}; expected one of ${FORMATS.join(", ")}` });
}

export interface ReportOptions {
  readonly version: string;
  readonly verbose?: boolean;
  readonly locators?: ReadonlyMap<CheckResult, Locator>;
}

export function renderReport(results: readonly CheckResult[], format: Format, opts: ReportOptions): string {
  const locate = (r: CheckResult) => opts.locators?.get(r);
  switch (format) {
    case "text":
      return results.map((r) => textReport(r, { verbose: opts.verbose ?? false })).join("\n");
    case "markdown":
      return results.map((r) => markdownReport(r, { ...(locate(r) ? { locate: locate(r)! } : {}) })).join("\n");
    case "json":
      return stableStringify({ version: JSON_REPORT_VERSION, envs: results.map((r) => ({ ...r, summary: summarize(r) })) });
    case "sarif":
      return sarifReport(results, { version: opts.version, locate });
    case "junit":
      return junitReport(results);
  }
}
