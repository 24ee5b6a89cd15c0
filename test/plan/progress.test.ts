/** The progress display of multi-env renders: live lines on a terminal, one line per env elsewhere. */
import { describe, expect, it } from "vitest";
import { progressReporter } from "../../src/plan/progress";

function capture(isTTY: boolean) {
  let text = "";
  const p = progressReporter({ write: (t) => void (text += t), isTTY }, ["dev", "prod"]);
  p.onEvent({ env: "dev", state: "running", resources: 120, elapsedMs: 800, last: 'aws:ec2/vpc:Vpc "core-vpc"' });
  p.onEvent({ env: "dev", state: "done", resources: 412, elapsedMs: 2100 });
  p.onEvent({ env: "prod", state: "failed", resources: 0, elapsedMs: 900 });
  p.stop();
  return text;
}

describe("render progress", () => {
  it("on a terminal, redraws one line per env in place and ends with each env's state", () => {
    const text = capture(true);
    expect(text).toContain("\u001b[2A");
    const last = text.split("\u001b[2A").at(-1)!;
    expect(last).toBe("\u001b[2K  ✓ dev   done       412 resources    2.1s\n\u001b[2K  ✗ prod  failed       0 resources    0.9s\n");
  });

  it("in a log, prints one plain line per finished env", () => {
    expect(capture(false)).toBe("dev   rendered 412 resources in 2.1s\nprod  failed after 0.9s\n");
  });
});
