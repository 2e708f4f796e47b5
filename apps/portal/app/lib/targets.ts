import type { MetricDefinition } from "@tandem/metrics";
import { parseMoney } from "./money.js";

export type ParsedTarget = { target: string } | { error: string };

type TargetMetric = Pick<MetricDefinition, "unit" | "scale">;

/**
 * A target as a person types it, stored as a decimal string in the
 * engine's units: money in minor units, a percent as a fraction
 * ("25" -> "0.25"), anything else as typed. Attainment is the value over
 * the target (or the inverse), so a target is above 0; it is also no
 * more than the metric can be (a share up to 100 %, a score up to its
 * scale's top). Refused, with what to type instead, otherwise.
 */
export function parseTarget(
  input: string,
  metric: TargetMetric,
  currencyDigits: number,
): ParsedTarget {
  const refused = { error: `Enter ${targetHint(metric)}.` };
  const text = input.trim().replace(/%$/, "").trim();
  let target: string;
  let value: number;
  if (metric.unit === "money") {
    const minor = parseMoney(text, currencyDigits);
    if (minor === null || minor > 10n ** 15n) return refused;
    target = minor.toString();
    value = Number(minor);
  } else {
    const plain = text.replace(/,/g, "");
    if (!/^-?\d{1,12}(\.\d{1,6})?$/.test(plain)) return refused;
    value = Number(plain) / (metric.unit === "percent" ? 100 : 1);
    target = value.toFixed(6);
  }
  if (!(value > 0)) return refused;
  if (metric.scale && value > metric.scale.max) return refused;
  return { target };
}

/** What to type, per metric, shown beside the target field. */
export function targetHint(metric: TargetMetric): string {
  const { unit, scale } = metric;
  if (unit === "percent") {
    const top = scale ? ` up to ${scale.max * 100}` : "";
    return `a percent above 0${top}, e.g. 25 for 25 %`;
  }
  if (unit === "money") return "an amount above 0, e.g. 25000";
  return scale ? `a number above 0, up to ${scale.max}` : "a number above 0";
}
