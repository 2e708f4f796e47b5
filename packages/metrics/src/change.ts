import type { MetricValue } from "./partner-values.js";
import { moneyRatio } from "./ratios.js";

/** A value against the period before. */
export interface MetricChange {
  /** current - previous, in the metric's unit (bigint for money). */
  absolute: bigint | number | null;
  /** (current - previous) / |previous|, a fraction. */
  relative: number | null;
}

/**
 * Null where either side is null; `relative` is null too when the
 * previous value is 0. Dividing by the magnitude keeps a positive
 * change meaning "went up" from a negative start (a growth rate of
 * -10 % becoming -5 % is a change of +50 %). For a rate the absolute
 * change is in its own terms: 0.05 is five percentage points.
 */
export function changeAgainst(
  current: MetricValue,
  previous: MetricValue,
): MetricChange {
  if (current === null || previous === null) {
    return { absolute: null, relative: null };
  }
  if (typeof current === "bigint" && typeof previous === "bigint") {
    const absolute = current - previous;
    if (previous === 0n) return { absolute, relative: null };
    const magnitude = previous < 0n ? -previous : previous;
    return { absolute, relative: moneyRatio(absolute, magnitude) };
  }
  const absolute = Number(current) - Number(previous);
  const relative =
    Number(previous) === 0 ? null : absolute / Math.abs(Number(previous));
  return { absolute, relative };
}
