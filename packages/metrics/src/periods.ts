import { Temporal } from "temporal-polyfill";
import { previousCustom } from "./custom-period.js";

/**
 * A period is a half-open range of days [start, end) in the program's
 * time zone. Days are ISO strings ("2017-03-31"); facts that are days
 * (a close date) compare against them directly, and instants are turned
 * into days in the program's zone before they get here.
 *
 * PERIOD_KINDS are the calendar kinds a page lets people step through;
 * a period may also be `custom`, any range made by `customPeriod`.
 */
export const PERIOD_KINDS = ["month", "quarter", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind | "custom";
  /** "2017-03", "2017-Q1", "2017" or "2017-01-01..2017-02-15". */
  key: string;
  /** "Mar 2017", "Q1 2017", "2017" or "2017-01-01 to 2017-02-14". */
  label: string;
  start: string;
  end: string;
}

export const MONTHS_IN: Readonly<Record<PeriodKind, number>> = {
  month: 1,
  quarter: 3,
  year: 12,
};

const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

function build(kind: PeriodKind, start: Temporal.PlainDate): Period {
  const end = start.add({ months: MONTHS_IN[kind] });
  const year = String(start.year);
  const month = String(start.month).padStart(2, "0");
  const quarter = Math.floor((start.month - 1) / 3) + 1;
  const key =
    kind === "month"
      ? `${year}-${month}`
      : kind === "quarter"
        ? `${year}-Q${quarter}`
        : year;
  const label =
    kind === "month"
      ? `${MONTH_NAMES[start.month - 1]} ${year}`
      : kind === "quarter"
        ? `Q${quarter} ${year}`
        : year;
  return { kind, key, label, start: start.toString(), end: end.toString() };
}

/** The period of the given kind that contains the day. */
export function periodContaining(kind: PeriodKind, day: string): Period {
  const date = Temporal.PlainDate.from(day);
  const firstMonth =
    kind === "month"
      ? date.month
      : kind === "quarter"
        ? Math.floor((date.month - 1) / 3) * 3 + 1
        : 1;
  return build(
    kind,
    Temporal.PlainDate.from({ year: date.year, month: firstMonth, day: 1 }),
  );
}

const KEY_PATTERNS: Record<PeriodKind, RegExp> = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

/** Reads a key such as "2017-Q1"; null when it is not one of that kind. */
export function parsePeriodKey(kind: PeriodKind, key: string): Period | null {
  const match = KEY_PATTERNS[kind].exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const month =
    kind === "month"
      ? Number(match[2])
      : kind === "quarter"
        ? (Number(match[2]) - 1) * 3 + 1
        : 1;
  return build(kind, Temporal.PlainDate.from({ year, month, day: 1 }));
}

/** P-1: the same kind just before; for a custom range, as many days. */
export function previousPeriod(period: Period): Period {
  if (period.kind === "custom") return previousCustom(period);
  const start = Temporal.PlainDate.from(period.start).subtract({
    months: MONTHS_IN[period.kind],
  });
  return build(period.kind, start);
}

/** The `count` periods ending with `last`, oldest first. */
export function periodSeries(last: Period, count: number): Period[] {
  const series = [last];
  while (series.length < count) series.unshift(previousPeriod(series[0]!));
  return series;
}

/** Today's date in a time zone, e.g. for "the current quarter". */
export function todayIn(
  timeZone: string,
  now: Temporal.Instant = Temporal.Now.instant(),
): string {
  return now.toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
