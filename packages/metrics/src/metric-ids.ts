/**
 * The catalog's metric ids, grouped by where a value exists. Declared
 * as lists (not only types) so that a test can hold the catalog to
 * them and a page can offer the right ones.
 */

/** Metrics with a value for one partner and, summed up, the program. */
export const PARTNER_METRIC_IDS = [
  "direct_revenue",
  "revenue_growth_rate",
  "avg_deal_size",
  "leads_generated",
  "lead_conversion_rate",
  "new_customers",
  "cac_via_partner",
  "cost_savings",
  "time_to_market_gain",
  "resource_optimization_rate",
  "partner_cltv",
  "cltv_uplift",
  "customer_retention_rate",
  "partner_satisfaction_score",
  "partner_nps",
  "owner_satisfaction_score",
  "joint_activity_level",
  "communication_frequency",
  "communication_quality",
  "market_penetration_rate",
  "brand_awareness_lift",
  "innovation_output",
  "innovation_velocity",
  "lead_response_hours",
] as const;

/** Metrics of the ecosystem as a whole: no single partner has one. */
export const PROGRAM_ONLY_METRIC_IDS = [
  "ecosystem_expansion_rate",
  "ecosystem_engagement_score",
  "partner_density_index",
  "network_value_multiplier",
  "network_reach",
  "reputation_index",
  "knowledge_capital_growth",
  "automation_efficiency_gain",
  "digital_integration_level",
  "ecosystem_health_index",
] as const;

/** Metrics that staff enter by hand because no event measures them. */
export const MANUAL_METRIC_IDS = [
  "cost_savings",
  "time_to_market_gain",
  "resource_optimization_rate",
  "brand_awareness_lift",
  "reputation_index",
  "knowledge_capital_growth",
] as const;

export type PartnerMetricId = (typeof PARTNER_METRIC_IDS)[number];
export type ProgramOnlyMetricId = (typeof PROGRAM_ONLY_METRIC_IDS)[number];
export type MetricId = PartnerMetricId | ProgramOnlyMetricId;
export type ManualMetricId = (typeof MANUAL_METRIC_IDS)[number];

export function isPartnerMetricId(id: string): id is PartnerMetricId {
  return (PARTNER_METRIC_IDS as readonly string[]).includes(id);
}

export function isMetricId(id: string): id is MetricId {
  return (
    isPartnerMetricId(id) ||
    (PROGRAM_ONLY_METRIC_IDS as readonly string[]).includes(id)
  );
}

/** For reading a measure's metric id from a row or a form. */
export function isManualMetricId(id: string): id is ManualMetricId {
  return (MANUAL_METRIC_IDS as readonly string[]).includes(id);
}
