import { describe, expect, it } from "vitest";
import { computeSeries } from "./compute.js";
import { EMPTY_FACTS, type PartnerFacts } from "./facts.js";

function facts(partial: Partial<PartnerFacts>): PartnerFacts {
  return { ...EMPTY_FACTS, ...partial };
}

/** P's values, with P-1's facts before it. */
function valuesOf(p: Partial<PartnerFacts>, before?: Partial<PartnerFacts>) {
  return computeSeries([facts(before ?? {}), facts(p)])[1]!;
}

describe("basic metrics of a partner", () => {
  const quarter = {
    leadsRegistered: 40,
    leadsWon: 6,
    leadsLost: 4,
    wonAmountMinor: 900_001n,
    revenueMinor: 1_500_000n,
    newCustomers: 5,
    costsMinor: 250_002n,
    manualSums: {
      cost_savings: 13_000,
      time_to_market_gain: 30,
      resource_optimization_rate: 0.3,
    },
    manualCounts: {
      cost_savings: 2,
      time_to_market_gain: 2,
      resource_optimization_rate: 2,
    },
  };
  const v = valuesOf(quarter, { revenueMinor: 1_200_000n });

  it("computes each from the period's facts", () => {
    expect(v.direct_revenue).toBe(1_500_000n);
    // (1,500,000 - 1,200,000) / 1,200,000 = 0.25
    expect(v.revenue_growth_rate).toBe(0.25);
    // 900,001 / 6 = 150,000.17 -> 150,000
    expect(v.avg_deal_size).toBe(150_000n);
    expect(v.leads_generated).toBe(40);
    // 6 won / (6 + 4) decided = 0.6
    expect(v.lead_conversion_rate).toBe(0.6);
    expect(v.new_customers).toBe(5);
    // 250,002 / 5 = 50,000.4 -> 50,000
    expect(v.cac_via_partner).toBe(50_000n);
    expect(v.cost_savings).toBe(13_000n);
    // (10 + 20 days) / 2 measures = 15
    expect(v.time_to_market_gain).toBe(15);
    // 0.3 / 2 = 0.15
    expect(v.resource_optimization_rate).toBe(0.15);
  });

  it("gives null, never 0 or NaN, where there is nothing to divide by", () => {
    const empty = valuesOf({ costsMinor: 10_000n });
    expect(empty.direct_revenue).toBe(0n);
    expect(empty.leads_generated).toBe(0);
    expect(empty.new_customers).toBe(0);
    // No revenue before: no growth; no won lead: no mean, no rate.
    expect(empty.revenue_growth_rate).toBeNull();
    expect(empty.avg_deal_size).toBeNull();
    expect(empty.lead_conversion_rate).toBeNull();
    // Money spent but nobody acquired: the cost per customer is unknown.
    expect(empty.cac_via_partner).toBeNull();
    // Nothing entered by staff.
    expect(empty.cost_savings).toBeNull();
    expect(empty.time_to_market_gain).toBeNull();
    expect(empty.resource_optimization_rate).toBeNull();
  });

  it("has no growth in the first period of a series", () => {
    const [first] = computeSeries([facts({ revenueMinor: 5n })]);
    expect(first!.revenue_growth_rate).toBeNull();
  });

  it("reads growth from a negative period as up when revenue rises", () => {
    // (20,000 - (-40,000)) / |-40,000| = 60,000 / 40,000 = 1.5
    const v = valuesOf({ revenueMinor: 20_000n }, { revenueMinor: -40_000n });
    expect(v.revenue_growth_rate).toBe(1.5);
  });

  it("averages money half away from zero", () => {
    // 5 / 2 = 2.5 -> 3; costs 7 over 2 customers = 3.5 -> 4.
    const v = valuesOf({
      leadsWon: 2,
      wonAmountMinor: 5n,
      costsMinor: 7n,
      newCustomers: 2,
    });
    expect(v.avg_deal_size).toBe(3n);
    expect(v.cac_via_partner).toBe(4n);
  });
});
