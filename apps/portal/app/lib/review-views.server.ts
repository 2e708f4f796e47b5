import { readValue, type Program, type ReviewSnapshot } from "@tandem/db";
import type { Status } from "~/components/status-badge.js";
import { changeText, formatMetricValue } from "./format.js";
import { formatInstant } from "./instants.server.js";

export interface FrozenKeyMetric {
  metricId: string;
  label: string;
  value: string;
  target: string | null;
  attainment: string | null;
  status: Status | null;
  change: string;
  weight: number;
}

export interface FrozenScorecard {
  periodLabel: string;
  previousLabel: string;
  /** When it was frozen, as the program's people read it. */
  takenAt: string;
  score: string | null;
  keyMetrics: FrozenKeyMetric[];
  metrics: { id: string; label: string; value: string; previous: string }[];
}

/**
 * A review's snapshot as the page shows it. Only formatting happens
 * here: every figure comes from the stored snapshot.
 */
export function frozenScorecard(
  snapshot: ReviewSnapshot,
  program: Program,
): FrozenScorecard {
  if (snapshot.version !== 1) {
    throw new Error(`unknown review snapshot version ${snapshot.version}`);
  }
  const show = (
    value: ReviewSnapshot["metrics"][number]["value"],
    unit: ReviewSnapshot["metrics"][number]["unit"],
  ) => formatMetricValue(readValue(value), unit, program);
  return {
    periodLabel: snapshot.period.label,
    previousLabel: snapshot.previousLabel,
    takenAt: `${formatInstant(new Date(snapshot.takenAt), program.timeZone)} (${program.timeZone})`,
    score: snapshot.score === null ? null : snapshot.score.toFixed(0),
    keyMetrics: snapshot.keyMetrics.map((k) => {
      const change = changeText(
        {
          absolute: readValue(k.change.absolute),
          relative: k.change.relative,
        },
        k.unit,
        program,
      );
      return {
        metricId: k.metricId,
        label: k.name,
        value: show(k.value, k.unit),
        target: k.target === null ? null : show(k.target, k.unit),
        attainment:
          k.attainment === null ? null : `${(k.attainment * 100).toFixed(1)} %`,
        status: k.status,
        change,
        weight: k.weight,
      };
    }),
    metrics: snapshot.metrics.map((m) => ({
      id: m.id,
      label: m.name,
      value: show(m.value, m.unit),
      previous: show(m.previous, m.unit),
    })),
  };
}
