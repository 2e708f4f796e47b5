import type { MetricDefinition } from "./definition.js";

const intermediate = {
  level: "both",
  tier: "intermediate",
  higherIsBetter: true,
} as const;

export const INTERMEDIATE_METRICS: readonly MetricDefinition[] = [
  {
    ...intermediate,
    id: "partner_cltv",
    name: "Partner-acquired customer lifetime value (P-CLTV)",
    description:
      "The gross profit a customer from this partner is expected to bring.",
    unit: "money",
    source: "events",
  },
  {
    ...intermediate,
    id: "cltv_uplift",
    name: "CLTV uplift from partnership",
    description:
      "How much more a partner's customer is worth than a direct one.",
    unit: "percent",
    source: "events",
  },
  {
    ...intermediate,
    id: "customer_retention_rate",
    name: "Retention of partner-sourced customers",
    description:
      "Of the partner's customers at the period's start, the share still here.",
    unit: "percent",
    scale: { min: 0, max: 1 },
    source: "events",
  },
  {
    ...intermediate,
    id: "partner_satisfaction_score",
    name: "Partner satisfaction score (PSS)",
    description: "How the partner's people rated the relationship (0-10).",
    unit: "score",
    scale: { min: 0, max: 10 },
    source: "events",
  },
  {
    ...intermediate,
    id: "partner_nps",
    name: "Partner net promoter score",
    description:
      "Share of the partner's keen ratings minus share of its unhappy ones.",
    unit: "nps",
    scale: { min: -100, max: 100 },
    source: "events",
  },
  {
    ...intermediate,
    id: "owner_satisfaction_score",
    name: "Owner's rating of the partner",
    description: "How our own people rated the relationship (0-10).",
    unit: "score",
    scale: { min: 0, max: 10 },
    source: "events",
  },
  {
    ...intermediate,
    id: "joint_activity_level",
    name: "Joint activity level",
    description:
      "Campaigns, co-selling, joint work, events and trainings done together.",
    unit: "count",
    source: "events",
  },
  {
    ...intermediate,
    id: "communication_frequency",
    name: "Communication frequency",
    description: "Meetings, calls and business reviews held, per month.",
    unit: "per_month",
    source: "events",
  },
  {
    ...intermediate,
    id: "communication_quality",
    name: "Communication quality",
    description: "How both sides scored their communication (1-5).",
    unit: "score",
    scale: { min: 1, max: 5 },
    source: "events",
  },
  {
    ...intermediate,
    id: "market_penetration_rate",
    name: "Market penetration (partner-enabled)",
    description:
      "New customers in the target segments, against the accounts aimed at.",
    unit: "percent",
    source: "events",
  },
  {
    ...intermediate,
    id: "brand_awareness_lift",
    name: "Brand awareness lift",
    description:
      "Points of brand awareness gained with the partner, from a survey.",
    unit: "points",
    source: "manual",
  },
  {
    ...intermediate,
    id: "innovation_output",
    name: "Joint innovation output",
    description: "Innovations completed together in the period.",
    unit: "count",
    source: "events",
  },
];
