import type { MetricDefinition, MetricUnit } from "@tandem/metrics";
import { parseMoney } from "./money.js";

/** Units whose values cannot fall below zero when they have no scale. */
const NEVER_NEGATIVE: readonly MetricUnit[] = [
  "money",
  "count",
  "hours",
  "ratio",
  "per_month",
  "per_quarter",
];

export type ParsedTarget = { target: string } | { error: string };

/**
 * A target as a person types it, stored as a decimal string in the
 * engine's units: money in minor units, a percent as a fraction
 * ("25" -> "0.25"), anything else as typed. Refused, with what to type
 * instead, when it is not a number or lies outside what the metric can
 * be (a share above 100 %, a satisfaction score of 11, a negative count).
 */
export function parseTarget(
  input: string,
  metric: Pick<MetricDefinition, "unit" | "scale">,
  currencyDigits: number,
): ParsedTarget {
  const { unit } = metric;
  const text = input.trim().replace(/%$/, "").trim();
  let target: string;
  let value: number;
  if (unit === "money") {
    const minor = parseMoney(text, currencyDigits);
    if (minor === null || minor > 10n ** 15n) {
      return { error: `Enter ${targetHint(metric)}.` };
    }
    target = minor.toString();
    value = Number(minor);
  } else {
    const plain = text.replace(/,/g, "");
    if (!/^-?\d{1,12}(\.\d{1,6})?$/.test(plain)) {
      return { error: `Enter ${targetHint(metric)}.` };
    }
    value = Number(plain) / (unit === "percent" ? 100 : 1);
    target = value.toFixed(6);
  }
  const { min, max } = targetBounds(metric);
  if (
    (min !== undefined && value < min) ||
    (max !== undefined && value > max)
  ) {
    return { error: `Enter ${targetHint(metric)}.` };
  }
  return { target };
}

function targetBounds(metric: Pick<MetricDefinition, "unit" | "scale">): {
  min?: number;
  max?: number;
} {
  if (metric.scale) return metric.scale;
  return NEVER_NEGATIVE.includes(metric.unit) ? { min: 0 } : {};
}

/** What to type, per metric, shown beside the target field. */
export function targetHint(
  metric: Pick<MetricDefinition, "unit" | "scale">,
): string {
  const { unit, scale } = metric;
  if (unit === "percent") {
    return scale
      ? `a percent from ${scale.min * 100} to ${scale.max * 100}, e.g. 25 for 25 %`
      : "a percent, e.g. 25 for 25 %";
  }
  if (scale) return `a number from ${scale.min} to ${scale.max}`;
  if (unit === "money") return "an amount of 0 or more, e.g. 25000";
  return NEVER_NEGATIVE.includes(unit) ? "a number of 0 or more" : "a number";
}
