import type { KeyMetricScorecard, MetricValue, Period } from "@tandem/metrics";
import type { Program } from "@tandem/db";
import type { ChartPoint } from "~/components/metric-chart.js";
import type { Status } from "~/components/status-badge.js";
import { changeText, formatMetricValue } from "./format.js";

export interface KeyMetricView {
  id: number;
  metricId: string;
  label: string;
  value: string;
  target: string | null;
  /** The target as plotted on the chart, in display units. */
  targetPlot: number | null;
  attainment: string | null;
  status: Status | null;
  change: string;
  weight: number;
  points: ChartPoint[];
}

/** A value as a plain number for a chart (money in major units). */
function plotted(value: MetricValue, digits: number): number | null {
  if (value === null) return null;
  if (typeof value === "bigint") return Number(value) / 10 ** digits;
  return value;
}

export function keyMetricViews(
  scored: KeyMetricScorecard & { rowIds: number[] },
  periods: Period[],
  program: Program,
): { score: string | null; keyMetrics: KeyMetricView[] } {
  const digits = program.currencyDigits;
  const keyMetrics = scored.keyMetrics.map((k, i): KeyMetricView => {
    const unit = k.definition.unit;
    return {
      id: scored.rowIds[i]!,
      metricId: k.definition.id,
      label: k.definition.name,
      value: formatMetricValue(k.value, unit, program),
      target:
        k.target === null ? null : formatMetricValue(k.target, unit, program),
      targetPlot: plotted(k.target, digits),
      attainment:
        k.attainment === null ? null : `${(k.attainment * 100).toFixed(1)} %`,
      status: k.status,
      change: changeText(k.change, unit, program),
      weight: k.weight,
      points: periods.map((p, j) => ({
        label: p.label,
        value: plotted(k.series[j] ?? null, digits),
        text: formatMetricValue(k.series[j] ?? null, unit, program),
      })),
    };
  });
  return {
    score: scored.score === null ? null : scored.score.toFixed(0),
    keyMetrics,
  };
}
