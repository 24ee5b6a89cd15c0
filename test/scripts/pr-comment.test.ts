/** scripts/pr-comment.mjs against a fake GitHub API on loopback: one comment, created then updated. */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/temp-project";

const run = promisify(execFile);

interface Comment {
  id: number;
  body: string;
}

describe("scripts/pr-comment.mjs", () => {
  const comments: Comment[] = [{ id: 1, body: "LGTM from a human" }];
  const calls: string[] = [];
  let server: http.Server;
  let api: string;
  let dir: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      calls.push(`${req.method} ${req.url}`);
      let data = "";
      req.on("data", (c) => (data += c));
      req.on("end", () => {
        if (req.headers.authorization !== "Bearer t0ken") {
          res.writeHead(401).end("{}");
          return;
        }
        res.setHeader("content-type", "application/json");
        if (req.method === "GET" && req.url?.startsWith("/repos/acme/platform/issues/7/comments")) {
          res.end(JSON.stringify(comments));
        } else if (req.method === "POST" && req.url === "/repos/acme/platform/issues/7/comments") {
          const c = { id: 100 + comments.length, body: JSON.parse(data).body };
          comments.push(c);
          res.writeHead(201).end(JSON.stringify(c));
        } else if (req.method === "PATCH" && req.url?.startsWith("/repos/acme/platform/issues/comments/")) {
          const c = comments.find((x) => x.id === Number(req.url!.split("/").pop()))!;
          c.body = JSON.parse(data).body;
          res.end(JSON.stringify(c));
        } else {
          res.writeHead(404).end("{}");
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    api = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-prc-"));
  });
  afterAll(() => {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const post = async (report: string) => {
    const file = path.join(dir, "report.md");
    fs.writeFileSync(file, report);
    return run("node", [path.join(REPO_ROOT, "scripts/pr-comment.mjs"), "--report", file], {
      env: { ...process.env, GITHUB_TOKEN: "t0ken", GITHUB_REPOSITORY: "acme/platform", PR_NUMBER: "7", GITHUB_API_URL: api },
    });
  };

  it("creates the comment once, then updates it in place", async () => {
    const first = await post("## stackplan\nfirst");
    expect(first.stdout).toContain("created comment 101");
    const second = await post("## stackplan\nsecond");
    expect(second.stdout).toContain("updated comment 101");
    expect(comments.map((c) => c.id)).toEqual([1, 101]);
    expect(comments[1]!.body).toBe("<!-- stackplan-report -->\n## stackplan\nsecond");
    expect(comments[0]!.body).toBe("LGTM from a human");
    expect(calls.filter((c) => c.startsWith("POST"))).toHaveLength(1);
  });

  it("cuts a report GitHub would refuse, saying so", async () => {
    await post("x".repeat(70_000));
    expect(comments[1]!.body.length).toBeLessThan(65_536);
    expect(comments[1]!.body).toMatch(/characters cut: the full report is in the workflow's artifacts\.$/);
  });
});
