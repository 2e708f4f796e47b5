import { describe, expect, it } from "vitest";
import { computeProgramSeries } from "./compute.js";
import { EMPTY_FACTS } from "./facts.js";
import { parsePeriodKey } from "./periods.js";
import { EMPTY_PROGRAM_FACTS, type ProgramFacts } from "./program-facts.js";

function program(partial: Partial<ProgramFacts>): ProgramFacts {
  return { ...EMPTY_PROGRAM_FACTS, ...partial };
}

const before = program({
  totals: { ...EMPTY_FACTS, revenueMinor: 1_000_000n },
});
const now = program({
  activeAtStart: 8,
  activeAtEnd: 10,
  engaged: 6,
  connectedPairs: 9,
  coSoldWon: { sumMinor: 600_000n, count: 2 },
  singleWon: { sumMinor: 1_000_000n, count: 5 },
  declaredReach: 12_500,
  integrated: 4,
  partnerCltv: { revenueMinor: 1_200_000n, customerMonths: 120, churned: 4 },
  directCltv: { revenueMinor: 600_000n, customerMonths: 100, churned: 5 },
  totals: {
    ...EMPTY_FACTS,
    revenueMinor: 1_100_000n,
    leadsRegistered: 50,
    leadsAutomated: 20,
    partnerRatingSum: 70,
    partnerRatingCount: 10,
    innovations: 6,
    responseHoursMedian: 30,
    manualSums: { reputation_index: 150, knowledge_capital_growth: 0.1 },
    manualCounts: { reputation_index: 2, knowledge_capital_growth: 1 },
  },
});
const q1 = parsePeriodKey("quarter", "2017-Q1")!;
const q4 = parsePeriodKey("quarter", "2016-Q4")!;

describe("program metrics", () => {
  const [, v] = computeProgramSeries([before, now], { periods: [q4, q1] });

  it("computes the ecosystem's own metrics", () => {
    // (10 - 8) / 8
    expect(v!.ecosystem_expansion_rate).toBe(0.25);
    // 6 engaged of 10 active
    expect(v!.ecosystem_engagement_score).toBe(0.6);
    // 9 pairs of 10 x 9 / 2 = 45 possible
    expect(v!.partner_density_index).toBe(0.2);
    // (600,000 / 2) / (1,000,000 / 5) = 300,000 / 200,000
    expect(v!.network_value_multiplier).toBe(1.5);
    expect(v!.network_reach).toBe(12_500);
    // 6 innovations in one quarter
    expect(v!.innovation_velocity).toBe(6);
    // (100 + 50) / 2 entries
    expect(v!.reputation_index).toBe(75);
    expect(v!.knowledge_capital_growth).toBe(0.1);
    // 20 automated of 50 registered
    expect(v!.automation_efficiency_gain).toBe(0.4);
    expect(v!.lead_response_hours).toBe(30);
    // 4 integrated of 10 active
    expect(v!.digital_integration_level).toBe(0.4);
  });

  it("computes the partner metrics from the program's totals", () => {
    expect(v!.direct_revenue).toBe(1_100_000n);
    // (1,100,000 - 1,000,000) / 1,000,000
    expect(v!.revenue_growth_rate).toBe(0.1);
    expect(v!.partner_satisfaction_score).toBe(7);
    // 10,000 a month x 30 months; direct 6,000 x 20 = 120,000
    expect(v!.partner_cltv).toBe(300_000n);
    expect(v!.cltv_uplift).toBe(1.5);
  });

  it("rolls engagement, satisfaction, growth, expansion into health", () => {
    // engagement 0.6 -> 60; PSS 7 -> 70; growth 0.1 -> (1.1) x 50 = 55;
    // expansion 0.25 -> 1.25 x 50 = 62.5; (60 + 70 + 55 + 62.5) / 4
    // = 247.5 / 4 = 61.875
    expect(v!.ecosystem_health_index).toBeCloseTo(61.875, 12);
  });

  it("gives null where there is nothing to divide by", () => {
    const [e] = computeProgramSeries([EMPTY_PROGRAM_FACTS]);
    expect(e!.ecosystem_expansion_rate).toBeNull();
    expect(e!.ecosystem_engagement_score).toBeNull();
    expect(e!.partner_density_index).toBeNull();
    expect(e!.network_value_multiplier).toBeNull();
    expect(e!.reputation_index).toBeNull();
    expect(e!.knowledge_capital_growth).toBeNull();
    expect(e!.automation_efficiency_gain).toBeNull();
    expect(e!.digital_integration_level).toBeNull();
    expect(e!.lead_response_hours).toBeNull();
    expect(e!.innovation_velocity).toBeNull();
    expect(e!.ecosystem_health_index).toBeNull();
    expect(e!.network_reach).toBe(0);
  });

  it("needs two active partners for a pair", () => {
    const [one] = computeProgramSeries([
      program({ activeAtEnd: 1, connectedPairs: 0 }),
    ]);
    expect(one!.partner_density_index).toBeNull();
    const [two] = computeProgramSeries([
      program({ activeAtEnd: 2, connectedPairs: 1 }),
    ]);
    expect(two!.partner_density_index).toBe(1);
  });

  it("needs wins of both kinds for the multiplier", () => {
    const onlyCoSold = program({ coSoldWon: { sumMinor: 10n, count: 1 } });
    const onlySingle = program({ singleWon: { sumMinor: 10n, count: 1 } });
    const [a, b] = computeProgramSeries([onlyCoSold, onlySingle]);
    expect(a!.network_value_multiplier).toBeNull();
    expect(b!.network_value_multiplier).toBeNull();
  });

  it("shrinks when partners leave", () => {
    // (6 - 8) / 8
    const [v] = computeProgramSeries([
      program({ activeAtStart: 8, activeAtEnd: 6 }),
    ]);
    expect(v!.ecosystem_expansion_rate).toBe(-0.25);
  });
});
