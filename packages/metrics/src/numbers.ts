import type { MetricUnit } from "./catalog.js";

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
 * A metric value as an exact decimal string: money from minor units,
 * ratios with six decimal places (enough for a percent with four).
 */
export function valueToDecimal(
  value: bigint | number | null,
  unit: MetricUnit,
  currencyDigits: number,
): string | null {
  if (value === null) return null;
  if (typeof value === "bigint") {
    if (unit !== "money") return value.toString();
    return minorToDecimal(value, currencyDigits);
  }
  if (!Number.isFinite(value)) return null;
  if (unit === "count") return String(Math.round(value));
  return value.toFixed(6);
}
