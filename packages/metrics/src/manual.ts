import { MANUAL_METRIC_IDS, type ManualMetricId } from "./metric-ids.js";

/** A number per manual metric; a metric without measures is absent. */
export type ManualTotals = Partial<Record<ManualMetricId, number>>;

/**
 * How the measures of one period make one value. Savings are amounts
 * that accumulate; the others are levels (days gained per launch, a
 * rate, survey points, a score), where two readings in one period
 * average rather than add up.
 */
export const MANUAL_AGGREGATION: Readonly<
  Record<ManualMetricId, "sum" | "mean">
> = {
  cost_savings: "sum",
  time_to_market_gain: "mean",
  resource_optimization_rate: "mean",
  brand_awareness_lift: "mean",
  reputation_index: "mean",
  knowledge_capital_growth: "mean",
};

export function addManual(a: ManualTotals, b: ManualTotals): ManualTotals {
  const out: ManualTotals = {};
  for (const id of MANUAL_METRIC_IDS) {
    if (a[id] === undefined && b[id] === undefined) continue;
    out[id] = (a[id] ?? 0) + (b[id] ?? 0);
  }
  return out;
}

/**
 * The value of a manual metric in a period; null when nobody entered a
 * measure (a saving nobody recorded is unknown, not zero). Savings are
 * entered in minor units, so their sum is a whole number already; the
 * rounding only guards against a fractional entry.
 */
export function manualValue(
  id: ManualMetricId,
  sums: ManualTotals,
  counts: ManualTotals,
): bigint | number | null {
  const count = counts[id] ?? 0;
  if (count <= 0) return null;
  const total = sums[id] ?? 0;
  if (MANUAL_AGGREGATION[id] === "mean") return total / count;
  // The one summed metric is money, a bigint like all money.
  return BigInt(Math.round(total));
}
