/**
 * Writing a report: atomically (util/atomic-write.ts), and only over a file stackplan wrote. A
 * file at the path that does not start like a report (REPORT_MARKER in its head) is the user's:
 * it is refused, not replaced.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { writeFileAtomic } from "../util/atomic-write";
import { InputError } from "../util/errors";
import { REPORT_MARKER } from "./html";

/** Fails if `file` exists and is not a report stackplan wrote; `shown` is how the message names it. */
export function assertReplaceable(file: string, shown: string): void {
  let head: string;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new InputError({ file: shown, message: "is a directory; expected the report's file name (report.html)" });
    const fd = fs.openSync(file, "r");
    try {
      const buf = Buffer.alloc(1024);
      head = buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)).toString("utf8");
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new InputError({ file: shown, message: `cannot read the existing file: ${(err as Error).message}` });
  }
  if (!head.includes(REPORT_MARKER)) {
    throw new InputError({ file: shown, message: "exists and is not a report stackplan wrote; refusing to replace it (remove it or choose another --out)" });
  }
}

export function writeReport(file: string, html: string, shown: string = path.basename(file)): void {
  assertReplaceable(file, shown);
  writeFileAtomic(file, html);
}
