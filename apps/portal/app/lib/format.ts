import type { MetricResult, MetricValue } from "@tandem/metrics";
import { minorToDecimal } from "@tandem/metrics";

export interface Money {
  currency: string;
  currencyDigits: number;
}

const LOCALE = "en-US";

export function formatMoney(minor: bigint, money: Money): string {
  // Intl formats a decimal string exactly, with no float in between.
  const decimal = minorToDecimal(minor, money.currencyDigits);
  return new Intl.NumberFormat(LOCALE, {
    style: "currency",
    currency: money.currency,
  }).format(decimal as unknown as number);
}

const number = (digits: number) =>
  new Intl.NumberFormat(LOCALE, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/** "not enough data" wherever the catalog says null. */
export function formatMetricValue(
  value: MetricValue,
  unit: MetricResult["definition"]["unit"],
  money: Money,
): string {
  if (value === null) return "not enough data";
  if (typeof value === "bigint") {
    return unit === "money" ? formatMoney(value, money) : value.toString();
  }
  switch (unit) {
    case "percent":
      return new Intl.NumberFormat(LOCALE, {
        style: "percent",
        maximumFractionDigits: 2,
        minimumFractionDigits: 2,
      }).format(value);
    case "score":
      return number(1).format(value);
    case "days":
      return `${number(1).format(value)} days`;
    case "hours":
      return `${number(1).format(value)} h`;
    case "ratio":
      return `${number(2).format(value)}×`;
    case "per_month":
      return `${number(1).format(value)} a month`;
    case "per_quarter":
      return `${number(1).format(value)} a quarter`;
    case "points":
      return `${value > 0 ? "+" : ""}${number(1).format(value)} pts`;
    case "nps":
      return `${value > 0 ? "+" : ""}${number(0).format(value)}`;
    default:
      return new Intl.NumberFormat(LOCALE).format(value);
  }
}

/**
 * A change against the period before: the difference in the metric's
 * own unit, a percent's in percentage points ("-8.80 pts", not "-8.80%",
 * which reads as a relative change), then the relative change in
 * brackets ("(-12.5 % on before)"); "no earlier value" without one.
 */
export function changeText(
  change: { absolute: MetricValue; relative: number | null },
  unit: MetricResult["definition"]["unit"],
  money: Money,
): string {
  const { absolute, relative } = change;
  if (absolute === null) return "no earlier value";
  const up = typeof absolute === "bigint" ? absolute > 0n : absolute > 0;
  const difference =
    unit === "percent" && typeof absolute === "number"
      ? `${number(2).format(absolute * 100)} pts`
      : formatMetricValue(absolute, unit, money);
  const sign = up && !difference.startsWith("+") ? "+" : "";
  const onBefore =
    relative === null
      ? ""
      : ` (${relative > 0 ? "+" : ""}${(relative * 100).toFixed(1)} % on before)`;
  return `${sign}${difference}${onBefore}`;
}
