import type { MetricId } from "./metric-ids.js";

export const OBJECTIVE_IDS = [
  "grow_revenue",
  "acquire_customers",
  "enter_new_market",
  "reduce_costs",
  "launch_faster",
  "build_long_term_value",
  "strengthen_relationship",
  "grow_ecosystem",
] as const;
export type ObjectiveId = (typeof OBJECTIVE_IDS)[number];

/**
 * What a partnership sets out to do. Its metrics are suggestions: staff
 * pick two or three of them (or others) as key metrics with targets.
 */
export interface Objective {
  id: ObjectiveId;
  name: string;
  /** A partnership's objective, or the program's own. */
  level: "partner" | "program";
  suggestedMetrics: readonly MetricId[];
}

export const OBJECTIVES: readonly Objective[] = [
  {
    id: "grow_revenue",
    name: "Grow revenue",
    level: "partner",
    suggestedMetrics: [
      "direct_revenue",
      "revenue_growth_rate",
      "avg_deal_size",
    ],
  },
  {
    id: "acquire_customers",
    name: "Acquire customers",
    level: "partner",
    suggestedMetrics: [
      "leads_generated",
      "lead_conversion_rate",
      "cac_via_partner",
    ],
  },
  {
    id: "enter_new_market",
    name: "Enter a new market",
    level: "partner",
    suggestedMetrics: [
      "market_penetration_rate",
      "new_customers",
      "brand_awareness_lift",
    ],
  },
  {
    id: "reduce_costs",
    name: "Reduce costs",
    level: "partner",
    suggestedMetrics: ["cost_savings", "resource_optimization_rate"],
  },
  {
    id: "launch_faster",
    name: "Launch faster",
    level: "partner",
    suggestedMetrics: ["time_to_market_gain", "innovation_output"],
  },
  {
    id: "build_long_term_value",
    name: "Build long-term value",
    level: "partner",
    suggestedMetrics: [
      "partner_cltv",
      "customer_retention_rate",
      "cltv_uplift",
    ],
  },
  {
    id: "strengthen_relationship",
    name: "Strengthen the relationship",
    level: "partner",
    suggestedMetrics: [
      "partner_satisfaction_score",
      "joint_activity_level",
      "communication_frequency",
    ],
  },
  {
    id: "grow_ecosystem",
    name: "Grow the ecosystem",
    level: "program",
    suggestedMetrics: [
      "ecosystem_expansion_rate",
      "ecosystem_engagement_score",
      "ecosystem_health_index",
    ],
  },
];

export function getObjective(id: ObjectiveId): Objective {
  const found = OBJECTIVES.find((o) => o.id === id);
  if (!found) throw new Error(`Unknown objective ${id}`);
  return found;
}
