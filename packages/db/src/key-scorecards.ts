import {
  scoreKeyMetrics,
  type KeyMetric,
  type KeyMetricScorecard,
  type MetricId,
  type MetricValue,
} from "@tandem/metrics";
import { toKeyMetric, type KeyMetricRow } from "./objectives.js";

/**
 * The key metrics of a partnership (or of the program) scored against
 * their targets, from a scorecard's series of values.
 */
export function scoreRows(
  series: readonly Partial<Record<MetricId, MetricValue>>[],
  rows: readonly KeyMetricRow[],
): KeyMetricScorecard & { rowIds: number[] } {
  const keys: { row: KeyMetricRow; key: KeyMetric }[] = [];
  for (const row of rows) {
    const key = toKeyMetric(row);
    if (key) keys.push({ row, key });
  }
  return {
    ...scoreKeyMetrics(
      series,
      keys.map((k) => k.key),
    ),
    rowIds: keys.map((k) => k.row.id),
  };
}
