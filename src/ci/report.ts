/**
 * The PR comment of `stackplan ci`: one summary table (changes, policies, CloudWatch cost per
 * env), then per env a collapsible diff and the policy findings. Sized to stay under GitHub's
 * comment limit: each env's diff gets an equal share and says what it cut.
 */
import type { Locator } from "../check/locate";
import { markdownReport } from "../check/report/markdown";
import { summarize } from "../check/types";
import { formatMarkdown } from "../diff/format-markdown";
import { changeCount } from "../diff/summary";
import { costDeltaMarkdown } from "../cost/index";
import type { CiResult } from "./ci";

const COMMENT_BUDGET = 60_000;

/** `locate` maps a finding of an env's check to its values file and line, for links in the comment. */
export function ciMarkdown(r: CiResult, locate?: (check: NonNullable<CiResult["envs"][number]["check"]>) => Locator | undefined): string {
  const failing = r.envs.filter((e) => e.check && !summarize(e.check).passed);
  const changes = r.envs.reduce((n, e) => n + changeCount(e.diff), 0);
  const verdict = failing.length ? `:x: mandatory policy violations in ${failing.map((e) => `\`${e.env}\``).join(", ")}` : ":white_check_mark: policies pass";
  const out = [
    `## stackplan: ${changes} change${changes === 1 ? "" : "s"} across ${r.envs.length} env${r.envs.length === 1 ? "" : "s"} — ${verdict}`,
    "",
    `Compared with \`${r.base}\` (merge base \`${r.mergeBase.slice(0, 12)}\`).`,
    "",
    "| env | create | update | replace | delete | policies | CloudWatch / month |",
    "|---|---:|---:|---:|---:|---|---:|",
  ];
  for (const e of r.envs) {
    const s = e.diff.summary;
    const policy = e.check ? policyCell(e.check) : "_env removed_";
    const cost = e.cost ? signed(e.cost.total) : e.before ? "—" : "_new env_";
    out.push(`| \`${e.env}\` | ${s.create} | ${s.update} | ${s.replace} | ${s.delete} | ${policy} | ${cost} |`);
  }
  const share = Math.floor(COMMENT_BUDGET / Math.max(1, r.envs.length)) - 2_000;
  for (const e of r.envs) {
    out.push("", `<details${failing.includes(e) || e.diff.summary.replace + e.diff.summary.delete > 0 ? " open" : ""}>`, `<summary><b>${e.env}</b>: ${changeCount(e.diff)} change${changeCount(e.diff) === 1 ? "" : "s"}${e.check ? `, ${policyCell(e.check)}` : ""}</summary>`, "");
    out.push(formatMarkdown(e.diff, { maxChars: Math.max(2_000, share) }).trimEnd());
    if (e.cost && e.cost.changes.length > 0) out.push("", costDeltaMarkdown(e.cost).trimEnd());
    if (e.check) {
      const locator = locate?.(e.check);
      out.push("", markdownReport(e.check, locator ? { locate: locator } : {}).trimEnd());
    }
    out.push("", "</details>");
  }
  return `${out.join("\n")}\n`;
}

function policyCell(c: Parameters<typeof summarize>[0]): string {
  const s = summarize(c);
  return `${s.passed ? ":white_check_mark:" : ":x:"} ${s.mandatory} mandatory · ${s.advisory} advisory${s.waived ? ` · ${s.waived} waived` : ""}`;
}

function signed(n: number): string {
  return `${n >= 0 ? "+" : "−"}$${Math.abs(n).toFixed(2)}`;
}
