import { Temporal } from "temporal-polyfill";
import type { Period } from "./periods.js";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** A day written as YYYY-MM-DD that exists in the calendar, or null. */
function parseDay(day: string): Temporal.PlainDate | null {
  if (!DAY.test(day)) return null;
  try {
    return Temporal.PlainDate.from(day);
  } catch {
    return null;
  }
}

/**
 * Any range of days [start, end) as a period, e.g. "everything
 * imported" or a campaign's weeks. Null unless both are days and the
 * range holds at least one.
 */
export function customPeriod(start: string, end: string): Period | null {
  const from = parseDay(start);
  const to = parseDay(end);
  if (!from || !to || Temporal.PlainDate.compare(from, to) >= 0) return null;
  const last = to.subtract({ days: 1 });
  return {
    kind: "custom",
    key: `${from}..${to}`,
    label: `${from} to ${last}`,
    start: from.toString(),
    end: to.toString(),
  };
}

/** Reads a key such as "2017-01-01..2017-02-15" (the end excluded). */
export function parseCustomKey(key: string): Period | null {
  const match = KEY.exec(key);
  return match ? customPeriod(match[1]!, match[2]!) : null;
}

/** How many days a period holds. */
export function daysIn(period: Pick<Period, "start" | "end">): number {
  const start = Temporal.PlainDate.from(period.start);
  return start.until(Temporal.PlainDate.from(period.end)).days;
}

/** The range of as many days ending where this one starts. */
export function previousCustom(period: Period): Period {
  const start = Temporal.PlainDate.from(period.start);
  const before = start.subtract({ days: daysIn(period) });
  return customPeriod(before.toString(), period.start)!;
}
