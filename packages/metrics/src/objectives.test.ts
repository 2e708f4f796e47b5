import { describe, expect, it } from "vitest";
import { getMetricDefinition } from "./catalog.js";
import { getObjective, OBJECTIVES, type ObjectiveId } from "./objectives.js";

describe("objectives", () => {
  it("suggests the catalog's key metrics for each objective", () => {
    const table = Object.fromEntries(
      OBJECTIVES.map((o) => [o.id, o.suggestedMetrics]),
    );
    expect(table).toEqual({
      grow_revenue: ["direct_revenue", "revenue_growth_rate", "avg_deal_size"],
      acquire_customers: [
        "leads_generated",
        "lead_conversion_rate",
        "cac_via_partner",
      ],
      enter_new_market: [
        "market_penetration_rate",
        "new_customers",
        "brand_awareness_lift",
      ],
      reduce_costs: ["cost_savings", "resource_optimization_rate"],
      launch_faster: ["time_to_market_gain", "innovation_output"],
      build_long_term_value: [
        "partner_cltv",
        "customer_retention_rate",
        "cltv_uplift",
      ],
      strengthen_relationship: [
        "partner_satisfaction_score",
        "joint_activity_level",
        "communication_frequency",
      ],
      grow_ecosystem: [
        "ecosystem_expansion_rate",
        "ecosystem_engagement_score",
        "ecosystem_health_index",
      ],
    });
  });

  it("suggests only metrics that exist at the objective's level", () => {
    for (const objective of OBJECTIVES) {
      for (const id of objective.suggestedMetrics) {
        const level = getMetricDefinition(id).level;
        if (objective.level === "partner") expect(level).not.toBe("program");
        else expect(level).not.toBe("partner");
      }
    }
    expect(getObjective("grow_ecosystem").level).toBe("program");
  });

  it("refuses an unknown objective", () => {
    expect(() => getObjective("x" as ObjectiveId)).toThrow(/x/);
  });
});
