import type { MetricId } from "./metric-ids.js";

/**
 * How a value reads. Money is a bigint of minor units; every other unit
 * is a number: `percent` a fraction (0.25 is 25 %), `points` percentage
 * points as such (3.5 is 3.5 points), `nps` -100..100, `ratio` a plain
 * multiple, `per_month` and `per_quarter` a rate, `days` and `hours` a
 * duration, `score` a mean on the definition's scale.
 */
export const METRIC_UNITS = [
  "money",
  "percent",
  "count",
  "score",
  "days",
  "hours",
  "ratio",
  "per_month",
  "per_quarter",
  "points",
  "nps",
] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** Where a value exists: one partnership, the program, or both. */
export type MetricLevel = "partner" | "program" | "both";

/** Computed from recorded events, or entered by staff. */
export type MetricSource = "events" | "manual";

/** The catalog table a metric comes from. */
export type MetricTier = "basic" | "intermediate" | "advanced";

export interface MetricDefinition {
  id: MetricId;
  name: string;
  /** One plain sentence for a tooltip. */
  description: string;
  unit: MetricUnit;
  higherIsBetter: boolean;
  level: MetricLevel;
  source: MetricSource;
  tier: MetricTier;
  /**
   * The bounds its values lie within, in the unit's terms (a share as a
   * fraction, 0..1; a score on its scale); absent when open.
   */
  scale?: { min: number; max: number };
}
