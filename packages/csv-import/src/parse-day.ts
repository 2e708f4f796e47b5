import { Temporal } from "temporal-polyfill";
import type { DateFormat } from "./mapping-schema.js";

export type DayResult =
  { ok: true; day: string } | { ok: false; problem: string };

type Order = "ymd" | "mdy" | "dmy";

const DAY_PATTERNS: Record<DateFormat, { pattern: RegExp; order: Order }> = {
  "YYYY-MM-DD": { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: "ymd" },
  "M/D/YYYY": { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: "mdy" },
  "D/M/YYYY": { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: "dmy" },
  "D.M.YYYY": { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: "dmy" },
};

/**
 * A wall-clock time after the day, as CRMs write "created" stamps. It
 * is dropped: the day as written is the day the user sees. A time with
 * a zone or offset is refused, since its day depends on the zone.
 */
const TIME_SUFFIX =
  /[ T](\d{1,2}):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(?: ?([AaPp][Mm]))?$/;

/** Reads a day in the given format as an ISO day (YYYY-MM-DD). */
export function parseDay(text: string, format: DateFormat): DayResult {
  const { pattern, order } = DAY_PATTERNS[format];
  const match = pattern.exec(withoutTime(text.trim()));
  if (!match) return { ok: false, problem: `is not a date in ${format} form` };

  const [first, second, third] = match.slice(1).map(Number);
  const [year, month, day] =
    order === "ymd"
      ? [first, second, third]
      : order === "mdy"
        ? [third, first, second]
        : [third, second, first];
  const date = realDay(year ?? 0, month ?? 0, day ?? 0);
  if (!date) return { ok: false, problem: "is not a real day" };
  return { ok: true, day: date.toString() };
}

function withoutTime(text: string): string {
  const time = TIME_SUFFIX.exec(text);
  if (!time) return text;
  const hour = Number(time[1]);
  const twelveHour = time[4] !== undefined;
  const valid = twelveHour ? hour >= 1 && hour <= 12 : hour <= 23;
  return valid ? text.slice(0, time.index) : text;
}

function realDay(
  year: number,
  month: number,
  day: number,
): Temporal.PlainDate | null {
  try {
    return Temporal.PlainDate.from(
      { year, month, day },
      { overflow: "reject" },
    );
  } catch {
    // Temporal reports an impossible day (2017-02-30) only by throwing.
    return null;
  }
}
