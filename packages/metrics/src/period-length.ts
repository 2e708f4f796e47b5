import { Temporal } from "temporal-polyfill";
import { customPeriod, daysIn } from "./custom-period.js";
import { MONTHS_IN, type Period } from "./periods.js";

/**
 * The mean Gregorian month. A custom range is measured in days, so
 * a rate over one reads the same whichever months it happens to span.
 */
export const DAYS_PER_MONTH = 365.2425 / 12;

/**
 * Months in a period, for rates "per month": calendar kinds count
 * whole months (February is one month like March); a custom range
 * counts its days / (365.2425 / 12).
 */
export function monthsIn(period: Period): number {
  if (period.kind === "custom") return daysIn(period) / DAYS_PER_MONTH;
  return MONTHS_IN[period.kind];
}

/** Quarters in a period: a third of its months, by the same rule. */
export function quartersIn(period: Period): number {
  return monthsIn(period) / 3;
}

/**
 * The twelve calendar months ending at P's end, over which P-CLTV
 * reads revenue, customer-months and churn.
 */
export function cltvWindow(period: Pick<Period, "end">): Period {
  const end = Temporal.PlainDate.from(period.end);
  const start = end.subtract({ months: 12 });
  return customPeriod(start.toString(), period.end)!;
}
