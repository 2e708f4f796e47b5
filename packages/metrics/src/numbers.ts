import type { MetricUnit } from "./definition.js";

/**
 * Integer division rounded half away from zero, so that an average of
 * money stays in whole minor units (2 decimal places for USD).
 */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (n * 2n + d) / (d * 2n);
  return negative ? -rounded : rounded;
}

/** 1122550n with 2 digits -> "11225.50". */
export function minorToDecimal(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString();
  if (digits === 0) return (negative ? "-" : "") + abs;
  const padded = abs.padStart(digits + 1, "0");
  const whole = padded.slice(0, -digits);
  const fraction = padded.slice(-digits);
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/**
 * Decimal places of each unit when written out. A Record, so that a new
 * unit does not compile until someone decides how it is written. Six
 * places keep a percent (a fraction) to four; money has the currency's.
 */
const PLACES: Readonly<Record<Exclude<MetricUnit, "money">, number>> = {
  count: 0,
  percent: 6,
  score: 6,
  days: 6,
  hours: 6,
  ratio: 6,
  per_month: 6,
  per_quarter: 6,
  points: 6,
  nps: 6,
};

/**
 * A metric value as an exact decimal string: money from minor units,
 * counts whole, anything else with six decimal places.
 */
export function valueToDecimal(
  value: bigint | number | null,
  unit: MetricUnit,
  currencyDigits: number,
): string | null {
  if (value === null) return null;
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  if (unit === "money") {
    const minor = typeof value === "bigint" ? value : BigInt(Math.round(value));
    return minorToDecimal(minor, currencyDigits);
  }
  if (typeof value === "bigint") return value.toString();
  return value.toFixed(PLACES[unit]);
}
