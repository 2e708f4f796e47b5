import { describe, expect, it } from "vitest";
import {
  CATALOG,
  getMetricDefinition,
  PARTNER_CATALOG,
  PROGRAM_CATALOG,
  SKELETON_METRIC_IDS,
} from "./catalog.js";
import type { MetricUnit } from "./definition.js";
import {
  MANUAL_METRIC_IDS,
  PARTNER_METRIC_IDS,
  PROGRAM_ONLY_METRIC_IDS,
  type MetricId,
} from "./metric-ids.js";

// The unit column of the catalog's three tables, typed out again here.
const UNITS: Record<MetricId, MetricUnit> = {
  direct_revenue: "money",
  revenue_growth_rate: "percent",
  avg_deal_size: "money",
  leads_generated: "count",
  lead_conversion_rate: "percent",
  new_customers: "count",
  cac_via_partner: "money",
  cost_savings: "money",
  time_to_market_gain: "days",
  resource_optimization_rate: "percent",
  partner_cltv: "money",
  cltv_uplift: "percent",
  customer_retention_rate: "percent",
  partner_satisfaction_score: "score",
  partner_nps: "nps",
  owner_satisfaction_score: "score",
  joint_activity_level: "count",
  communication_frequency: "per_month",
  communication_quality: "score",
  market_penetration_rate: "percent",
  brand_awareness_lift: "points",
  innovation_output: "count",
  ecosystem_expansion_rate: "percent",
  ecosystem_engagement_score: "percent",
  partner_density_index: "percent",
  network_value_multiplier: "ratio",
  network_reach: "count",
  innovation_velocity: "per_quarter",
  reputation_index: "score",
  knowledge_capital_growth: "percent",
  automation_efficiency_gain: "percent",
  lead_response_hours: "hours",
  digital_integration_level: "percent",
  ecosystem_health_index: "score",
};

describe("the catalog", () => {
  it("has every metric of the three tables once, with its unit", () => {
    // 10 basic + 12 intermediate + 12 advanced.
    expect(CATALOG).toHaveLength(34);
    expect(new Set(CATALOG.map((m) => m.id)).size).toBe(34);
    for (const m of CATALOG)
      expect([m.id, m.unit]).toEqual([m.id, UNITS[m.id]]);
  });

  it("counts in the tiers as the catalog's tables do", () => {
    const tiers = CATALOG.map((m) => m.tier);
    expect(tiers.filter((t) => t === "basic")).toHaveLength(10);
    expect(tiers.filter((t) => t === "intermediate")).toHaveLength(12);
    expect(tiers.filter((t) => t === "advanced")).toHaveLength(12);
  });

  it("marks lower-is-better only for cost and waiting time", () => {
    const lower = CATALOG.filter((m) => !m.higherIsBetter).map((m) => m.id);
    expect(lower).toEqual(["cac_via_partner", "lead_response_hours"]);
  });

  it("puts each metric at the level its id list says", () => {
    for (const m of CATALOG) {
      const partner = (PARTNER_METRIC_IDS as readonly string[]).includes(m.id);
      expect([m.id, m.level]).toEqual([m.id, partner ? "both" : "program"]);
    }
    expect(PARTNER_CATALOG).toHaveLength(PARTNER_METRIC_IDS.length);
    expect(PROGRAM_CATALOG).toHaveLength(34);
    expect(PROGRAM_ONLY_METRIC_IDS).toHaveLength(10);
  });

  it("marks the six manual metrics, and only them, as manual", () => {
    const manual = CATALOG.filter((m) => m.source === "manual").map(
      (m) => m.id,
    );
    expect(manual.sort()).toEqual([...MANUAL_METRIC_IDS].sort());
  });

  it("describes every metric in one short sentence", () => {
    for (const m of CATALOG) {
      expect(m.name.length).toBeGreaterThan(0);
      expect(m.description).toMatch(/^[A-Z].{10,78}\.$/);
    }
  });

  it("keeps the walking skeleton's six, in their order", () => {
    expect(SKELETON_METRIC_IDS).toEqual([
      "leads_generated",
      "lead_conversion_rate",
      "direct_revenue",
      "avg_deal_size",
      "revenue_growth_rate",
      "partner_satisfaction_score",
    ]);
  });

  it("finds a definition by id and refuses an unknown one", () => {
    expect(getMetricDefinition("partner_nps").scale).toEqual({
      min: -100,
      max: 100,
    });
    expect(() => getMetricDefinition("nope" as MetricId)).toThrow(/nope/);
  });
});
