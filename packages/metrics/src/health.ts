import type { HealthWeights } from "./settings.js";

/** The index's inputs as the catalog computes them; null when unknown. */
export interface HealthInputs {
  /** ecosystem_engagement_score, a fraction 0..1. */
  engagement: number | null;
  /** partner_satisfaction_score of the program, 0..10. */
  satisfaction: number | null;
  /** revenue_growth_rate of the program, a fraction. */
  growth: number | null;
  /** ecosystem_expansion_rate, a fraction. */
  expansion: number | null;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * -100 % .. +100 % onto 0..100, so "no change" sits at 50. Beyond that
 * range a rate is held at the end: doubling and tripling both read as
 * excellent, and one outlier cannot swamp the other components.
 */
function rateOnto100(rate: number): number {
  return (clamp(rate, -1, 1) + 1) * 50;
}

/** Each input on 0..100; null stays null. */
export function healthComponents(inputs: HealthInputs): HealthInputs {
  const map = (v: number | null, f: (x: number) => number) =>
    v === null ? null : f(v);
  return {
    engagement: map(inputs.engagement, (e) => clamp(e * 100, 0, 100)),
    satisfaction: map(inputs.satisfaction, (s) => clamp(s * 10, 0, 100)),
    growth: map(inputs.growth, rateOnto100),
    expansion: map(inputs.expansion, rateOnto100),
  };
}

const KEYS = ["engagement", "satisfaction", "growth", "expansion"] as const;

/**
 * The weighted mean of the components that are known, 0..100. A
 * component without data leaves the mean instead of counting as 0;
 * null when no component with a positive weight is known.
 */
export function ecosystemHealthIndex(
  inputs: HealthInputs,
  weights: HealthWeights,
): number | null {
  const components = healthComponents(inputs);
  let weighted = 0;
  let total = 0;
  for (const key of KEYS) {
    const weight = weights[key];
    // Settings are parsed where they are saved; this is a bug, not input.
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`health weight ${key} must be 0 or more`);
    }
    const value = components[key];
    if (value === null || weight === 0) continue;
    weighted += value * weight;
    total += weight;
  }
  return total === 0 ? null : weighted / total;
}
