/** `--today YYYY-MM-DD`: the date waivers are judged against (default: today in UTC). */
import { isoDate } from "../spec/common";
import { InputError } from "../util/errors";
import { utcToday } from "../../policies/lib/waivers";

export function parseToday(v: string | undefined, now: () => Date = () => new Date()): string {
  if (v === undefined) return utcToday(now());
  if (!isoDate.safeParse(v).success) throw new InputError({ path: "--today", message: `expected a date as YYYY-MM-DD, got ${JSON.stringify(v)}` });
  return v;
}
