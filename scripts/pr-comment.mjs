#!/usr/bin/env node
// Create or update THE stackplan comment of a pull request (one per PR, found by a hidden marker),
// so every push refreshes the same comment instead of stacking new ones.
//
//   node scripts/pr-comment.mjs --report stackplan-out/stackplan-report.md
//
// Environment: GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name), PR_NUMBER; GITHUB_API_URL
// (default https://api.github.com). Exits 0 without posting when there is no report, so a
// failed render does not hide its own error behind this step's.
import { argv, fs, echo } from "zx";

const MARKER = "<!-- stackplan-report -->";
// GitHub refuses comment bodies over 65,536 characters.
const MAX_BODY = 65_000;

const reportPath = argv.report;
const { GITHUB_TOKEN, GITHUB_REPOSITORY, PR_NUMBER } = process.env;
const api = process.env.GITHUB_API_URL ?? "https://api.github.com";

if (!reportPath || !GITHUB_TOKEN || !GITHUB_REPOSITORY || !PR_NUMBER) {
  echo("usage: pr-comment.mjs --report <file>  (env: GITHUB_TOKEN, GITHUB_REPOSITORY, PR_NUMBER)");
  process.exit(2);
}
if (!fs.existsSync(reportPath)) {
  echo(`pr-comment: no report at ${reportPath}; nothing to post`);
  process.exit(0);
}

const body = commentBody(fs.readFileSync(reportPath, "utf8"));
const existing = await findComment();
if (existing) {
  await github("PATCH", `/repos/${GITHUB_REPOSITORY}/issues/comments/${existing.id}`, { body });
  echo(`pr-comment: updated comment ${existing.id}`);
} else {
  const created = await github("POST", `/repos/${GITHUB_REPOSITORY}/issues/${PR_NUMBER}/comments`, { body });
  echo(`pr-comment: created comment ${created.id}`);
}

function commentBody(report) {
  let text = `${MARKER}\n${report}`;
  if (text.length > MAX_BODY) {
    const cut = text.length - MAX_BODY;
    text = `${text.slice(0, MAX_BODY)}\n\n… ${cut} characters cut: the full report is in the workflow's artifacts.`;
  }
  return text;
}

async function findComment() {
  for (let page = 1; page <= 50; page++) {
    const comments = await github("GET", `/repos/${GITHUB_REPOSITORY}/issues/${PR_NUMBER}/comments?per_page=100&page=${page}`);
    const mine = comments.find((c) => typeof c.body === "string" && c.body.startsWith(MARKER));
    if (mine) return mine;
    if (comments.length < 100) return undefined;
  }
  return undefined;
}

async function github(method, path, payload) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${GITHUB_TOKEN}`,
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      ...(payload ? { "content-type": "application/json" } : {}),
    },
    body: payload ? JSON.stringify(payload) : undefined,
  });
  if (!res.ok) {
    echo(`pr-comment: ${method} ${path} failed: ${res.status} ${await res.text()}`);
    process.exit(1);
  }
  return res.json();
}
