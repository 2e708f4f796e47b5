import { cltvUplift, customerLifetimeValue } from "./cltv.js";
import type { PartnerFacts } from "./facts.js";
import { manualValue } from "./manual.js";
import type { ManualMetricId, PartnerMetricId } from "./metric-ids.js";
import { monthsIn, quartersIn } from "./period-length.js";
import type { Period } from "./periods.js";
import type { CltvFacts } from "./program-facts.js";
import { growth, meanMoney, ratio } from "./ratios.js";
import type { ProgramSettings } from "./settings.js";

/** Money in minor units (bigint); every other unit a number. */
export type MetricValue = bigint | number | null;

/** One period's value of every metric a partnership has. */
export type ScorecardValues = Record<PartnerMetricId, MetricValue>;

/** Everything one period's partner-level values are computed from. */
export interface PartnerPeriod {
  facts: PartnerFacts;
  /** P-1's facts; null when not given (growth is then null). */
  before: PartnerFacts | null;
  /** Null when unknown: rates per month and per quarter are null. */
  period: Period | null;
  /** The partner's CLTV window at P's end; null when not given. */
  cltv: CltvFacts | null;
  /** Direct customers' window at P's end, for the uplift. */
  directCltv: CltvFacts | null;
  settings: ProgramSettings;
}

function perPeriod(count: number, length: number | null): number | null {
  return length === null || length <= 0 ? null : count / length;
}

function cltvOf(cltv: CltvFacts | null, settings: ProgramSettings) {
  return cltv === null ? null : customerLifetimeValue(cltv, settings);
}

function targetShare(newInTarget: number, targetAccounts: number | null) {
  if (targetAccounts === null || targetAccounts <= 0) return null;
  return newInTarget / targetAccounts;
}

export function partnerValues(input: PartnerPeriod): ScorecardValues {
  const { facts: f, period, settings } = input;
  const manual = (id: ManualMetricId) =>
    manualValue(id, f.manualSums, f.manualCounts);
  const cltv = cltvOf(input.cltv, settings);
  return {
    direct_revenue: f.revenueMinor,
    revenue_growth_rate: growth(
      f.revenueMinor,
      input.before?.revenueMinor ?? null,
    ),
    avg_deal_size: meanMoney(f.wonAmountMinor, f.leadsWon),
    leads_generated: f.leadsRegistered,
    lead_conversion_rate: ratio(f.leadsWon, f.leadsWon + f.leadsLost),
    new_customers: f.newCustomers,
    cac_via_partner: meanMoney(f.costsMinor, f.newCustomers),
    cost_savings: manual("cost_savings"),
    time_to_market_gain: manual("time_to_market_gain"),
    resource_optimization_rate: manual("resource_optimization_rate"),
    partner_cltv: cltv,
    cltv_uplift: cltvUplift(cltv, cltvOf(input.directCltv, settings)),
    customer_retention_rate: ratio(
      f.customersRetained,
      f.customersActiveAtStart,
    ),
    partner_satisfaction_score: ratio(f.partnerRatingSum, f.partnerRatingCount),
    partner_nps: ratio(
      (f.partnerPromoters - f.partnerDetractors) * 100,
      f.partnerRatingCount,
    ),
    owner_satisfaction_score: ratio(f.ownerRatingSum, f.ownerRatingCount),
    joint_activity_level: f.jointActivities,
    communication_frequency: perPeriod(
      f.communications,
      period && monthsIn(period),
    ),
    communication_quality: ratio(
      f.communicationScoreSum,
      f.communicationScoreCount,
    ),
    market_penetration_rate: targetShare(
      f.newCustomersInTargetSegments,
      settings.targetAccounts,
    ),
    brand_awareness_lift: manual("brand_awareness_lift"),
    innovation_output: f.innovations,
    innovation_velocity: perPeriod(f.innovations, period && quartersIn(period)),
    lead_response_hours: f.responseHoursMedian,
  };
}
