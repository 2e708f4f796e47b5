import type { MetricDefinition } from "./definition.js";

const advanced = {
  level: "program",
  tier: "advanced",
  higherIsBetter: true,
  source: "events",
} as const;

export const ADVANCED_METRICS: readonly MetricDefinition[] = [
  {
    ...advanced,
    id: "ecosystem_expansion_rate",
    name: "Ecosystem expansion rate",
    description: "How much the number of active partners grew in the period.",
    unit: "percent",
  },
  {
    ...advanced,
    id: "ecosystem_engagement_score",
    name: "Ecosystem engagement score",
    description:
      "The share of active partners that did anything with us in the period.",
    unit: "percent",
    scale: { min: 0, max: 1 },
  },
  {
    ...advanced,
    id: "partner_density_index",
    name: "Partner density index",
    description:
      "The share of all pairs of active partners that worked together.",
    unit: "percent",
    scale: { min: 0, max: 1 },
  },
  {
    ...advanced,
    id: "network_value_multiplier",
    name: "Network value multiplier",
    description:
      "How many times bigger a co-sold deal is than a single-partner deal.",
    unit: "ratio",
  },
  {
    ...advanced,
    id: "network_reach",
    name: "Network reach",
    description:
      "The customers and audience our active partners say they reach.",
    unit: "count",
  },
  {
    ...advanced,
    level: "both",
    id: "innovation_velocity",
    name: "Innovation velocity (partner-driven)",
    description: "Innovations completed with partners, per quarter.",
    unit: "per_quarter",
  },
  {
    ...advanced,
    id: "reputation_index",
    name: "Reputation enhancement index",
    description: "A reputation score that staff record from outside sources.",
    unit: "score",
    source: "manual",
  },
  {
    ...advanced,
    id: "knowledge_capital_growth",
    name: "Knowledge capital growth rate",
    description: "How much shared know-how grew, as staff assessed it.",
    unit: "percent",
    source: "manual",
  },
  {
    ...advanced,
    id: "automation_efficiency_gain",
    name: "Automation efficiency gain",
    description:
      "The share of leads that came in by API, import or widget, untyped.",
    unit: "percent",
  },
  {
    ...advanced,
    level: "both",
    id: "lead_response_hours",
    name: "Lead response time",
    description:
      "The median hours we took to accept or reject a newly registered lead.",
    unit: "hours",
    higherIsBetter: false,
  },
  {
    ...advanced,
    id: "digital_integration_level",
    name: "Digital ecosystem integration level",
    description:
      "The share of active partners connected to us by API, webhook or embed.",
    unit: "percent",
    scale: { min: 0, max: 1 },
  },
  {
    ...advanced,
    id: "ecosystem_health_index",
    name: "Ecosystem health index",
    description:
      "Engagement, satisfaction, growth and expansion rolled into one 0-100.",
    unit: "score",
    scale: { min: 0, max: 100 },
  },
];
