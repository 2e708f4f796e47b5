import type { MetricUnit } from "@tandem/metrics";
import { parseMoney } from "./money.js";

/**
 * A target as a person types it, stored as a decimal string in the
 * engine's units: money in minor units, a percent as a fraction
 * ("25" -> "0.25"), anything else as typed. Null when not a number.
 */
export function parseTarget(
  input: string,
  unit: MetricUnit,
  currencyDigits: number,
): string | null {
  const text = input.trim().replace(/%$/, "").trim();
  if (unit === "money") {
    const minor = parseMoney(text, currencyDigits);
    return minor === null || minor > 10n ** 15n ? null : minor.toString();
  }
  if (!/^-?\d{1,12}(\.\d{1,6})?$/.test(text.replace(/,/g, ""))) return null;
  const value = Number(text.replace(/,/g, ""));
  if (unit === "percent") return (value / 100).toFixed(6);
  return value.toFixed(6);
}

/** What to type, per unit, shown beside the target field. */
export function targetHint(unit: MetricUnit): string {
  switch (unit) {
    case "money":
      return "an amount, e.g. 25000";
    case "percent":
      return "a percent, e.g. 25 for 25 %";
    default:
      return "a number";
  }
}
