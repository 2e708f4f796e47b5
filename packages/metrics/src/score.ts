import {
  attainment,
  attainmentStatus,
  type MetricStatus,
  type MetricTarget,
} from "./attainment.js";
import { getMetricDefinition } from "./catalog.js";
import { changeAgainst } from "./change.js";
import type { MetricResult } from "./compute.js";
import type { MetricId } from "./metric-ids.js";
import type { MetricValue } from "./partner-values.js";

export interface WeightedAttainment {
  attainment: number | null;
  /** 1 when absent; 0 leaves the metric out of the score. */
  weight?: number;
}

/**
 * The partnership score, 0..100: the weighted mean attainment of the
 * key metrics, capped at 100 %. Each attainment is capped at 150 %
 * first, so overshooting one metric can make up for a shortfall in
 * another only so far. A key metric without attainment (no data, no
 * target) leaves the mean rather than counting as 0; null when none
 * is left.
 */
export function partnershipScore(
  items: readonly WeightedAttainment[],
): number | null {
  let weighted = 0;
  let total = 0;
  for (const item of items) {
    const weight = item.weight ?? 1;
    // Weights are parsed where staff set them; this is a bug, not input.
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError("a key metric's weight must be 0 or more");
    }
    if (item.attainment === null || weight === 0) continue;
    weighted += item.attainment * weight;
    total += weight;
  }
  if (total === 0) return null;
  return Math.min(1, weighted / total) * 100;
}

/** A key metric staff picked, with its target for the period. */
export interface KeyMetric {
  metricId: MetricId;
  target: MetricTarget | null;
  weight?: number;
}

export interface KeyMetricResult extends MetricResult {
  target: MetricTarget | null;
  attainment: number | null;
  status: MetricStatus | null;
  weight: number;
  /** The last twelve periods' values, oldest first, ending with P. */
  series: MetricValue[];
}

export interface KeyMetricScorecard {
  keyMetrics: KeyMetricResult[];
  score: number | null;
}

type Values = Partial<Record<MetricId, MetricValue>>;

/**
 * A partnership's (or the program's) key metrics in the last period
 * of `series` (values oldest first, from computeSeries or
 * computeProgramSeries). A metric the series has no value for (a
 * program metric on a partner's series) reads as "not enough data".
 */
export function scoreKeyMetrics(
  series: readonly Values[],
  keyMetrics: readonly KeyMetric[],
): KeyMetricScorecard {
  const current = series.at(-1);
  if (!current) throw new Error("a scorecard needs at least one period");
  const before = series.length > 1 ? series.at(-2)! : null;
  const results = keyMetrics.map((key): KeyMetricResult => {
    const definition = getMetricDefinition(key.metricId);
    const value = current[key.metricId] ?? null;
    const previous = before?.[key.metricId] ?? null;
    const reached = attainment(value, key.target, definition.higherIsBetter);
    return {
      definition,
      value,
      previous,
      change: changeAgainst(value, previous),
      target: key.target,
      attainment: reached,
      status: attainmentStatus(reached),
      weight: key.weight ?? 1,
      series: series.slice(-12).map((v) => v[key.metricId] ?? null),
    };
  });
  return { keyMetrics: results, score: partnershipScore(results) };
}
