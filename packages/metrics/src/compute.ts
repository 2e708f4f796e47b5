import { CATALOG, type MetricDefinition, type MetricId } from "./catalog.js";
import type { PartnerFacts } from "./facts.js";
import { divideRounded } from "./numbers.js";

/** Money in minor units (bigint); every other unit a number. */
export type MetricValue = bigint | number | null;
export type ScorecardValues = Record<MetricId, MetricValue>;

export interface MetricResult {
  definition: MetricDefinition;
  value: MetricValue;
  /** The same metric for the period before. */
  previous: MetricValue;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function growth(current: bigint, previous: bigint | null): number | null {
  if (previous === null || previous === 0n) return null;
  // Exact to 1e-12 before the one conversion to a float.
  const scaled = divideRounded((current - previous) * 10n ** 12n, previous);
  return Number(scaled) / 1e12;
}

function valuesFor(
  facts: PartnerFacts,
  before: PartnerFacts | null,
): ScorecardValues {
  return {
    leads_generated: facts.leadsRegistered,
    lead_conversion_rate: ratio(
      facts.leadsWon,
      facts.leadsWon + facts.leadsLost,
    ),
    direct_revenue: facts.revenueMinor,
    avg_deal_size:
      facts.leadsWon === 0
        ? null
        : divideRounded(facts.wonAmountMinor, BigInt(facts.leadsWon)),
    revenue_growth_rate: growth(
      facts.revenueMinor,
      before ? before.revenueMinor : null,
    ),
    partner_satisfaction_score: ratio(
      facts.partnerRatingSum,
      facts.partnerRatingCount,
    ),
  };
}

/**
 * Metric values for consecutive periods, oldest first. The first period
 * only serves as the "before" of the second, so growth there is null
 * (no earlier facts were given).
 */
export function computeSeries(facts: PartnerFacts[]): ScorecardValues[] {
  return facts.map((f, i) => valuesFor(f, i === 0 ? null : facts[i - 1]!));
}

/**
 * The scorecard of the last period in `facts` with the previous
 * period's values beside it. Pass three periods (P-2, P-1, P) so that
 * the previous growth rate can be computed too.
 */
export function computeScorecard(facts: PartnerFacts[]): MetricResult[] {
  const series = computeSeries(facts);
  const current = series.at(-1);
  if (!current) throw new Error("computeScorecard needs at least one period");
  const previous = series.length > 1 ? series.at(-2)! : null;
  return CATALOG.map((definition) => ({
    definition,
    value: current[definition.id],
    previous: previous ? previous[definition.id] : null,
  }));
}
