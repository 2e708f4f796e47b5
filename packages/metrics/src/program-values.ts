import { ecosystemHealthIndex } from "./health.js";
import { manualValue } from "./manual.js";
import type { MetricId } from "./metric-ids.js";
import { partnerValues, type MetricValue } from "./partner-values.js";
import type { Period } from "./periods.js";
import type { ProgramFacts, WonDeals } from "./program-facts.js";
import { countGrowth, moneyRatio, ratio } from "./ratios.js";
import type { ProgramSettings } from "./settings.js";

/** One period's value of every metric, for the program as a whole. */
export type ProgramValues = Record<MetricId, MetricValue>;

export interface ProgramPeriod {
  facts: ProgramFacts;
  /** P-1's facts; null when not given (growth is then null). */
  before: ProgramFacts | null;
  period: Period | null;
  settings: ProgramSettings;
}

/** Pairs possible among n partners: n(n-1)/2; none below two. */
function possiblePairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/**
 * Mean co-sold deal over mean single-partner deal, as one exact
 * fraction: (coSum x singleCount) / (singleSum x coCount). Null when
 * either kind had no win, or single deals sum to nothing or less.
 */
function multiplier(coSold: WonDeals, single: WonDeals): number | null {
  if (coSold.count === 0 || single.count === 0) return null;
  if (single.sumMinor <= 0n) return null;
  return moneyRatio(
    coSold.sumMinor * BigInt(single.count),
    single.sumMinor * BigInt(coSold.count),
  );
}

export function programValues(input: ProgramPeriod): ProgramValues {
  const { facts: f, settings } = input;
  const totals = f.totals;
  const shared = partnerValues({
    facts: totals,
    before: input.before?.totals ?? null,
    period: input.period,
    cltv: f.partnerCltv,
    directCltv: f.directCltv,
    settings,
  });
  const manual = (id: "reputation_index" | "knowledge_capital_growth") =>
    manualValue(id, totals.manualSums, totals.manualCounts);
  const engagement = ratio(f.engaged, f.activeAtEnd);
  const expansion = countGrowth(f.activeAtEnd, f.activeAtStart);
  return {
    ...shared,
    ecosystem_expansion_rate: expansion,
    ecosystem_engagement_score: engagement,
    partner_density_index: ratio(
      f.connectedPairs,
      possiblePairs(f.activeAtEnd),
    ),
    network_value_multiplier: multiplier(f.coSoldWon, f.singleWon),
    network_reach: f.declaredReach,
    reputation_index: manual("reputation_index"),
    knowledge_capital_growth: manual("knowledge_capital_growth"),
    automation_efficiency_gain: ratio(
      totals.leadsAutomated,
      totals.leadsRegistered,
    ),
    digital_integration_level: ratio(f.integrated, f.activeAtEnd),
    ecosystem_health_index: ecosystemHealthIndex(
      {
        engagement,
        satisfaction: numberOrNull(shared.partner_satisfaction_score),
        growth: numberOrNull(shared.revenue_growth_rate),
        expansion,
      },
      settings.healthWeights,
    ),
  };
}

function numberOrNull(value: MetricValue): number | null {
  return typeof value === "number" ? value : null;
}
