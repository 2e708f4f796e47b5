import { describe, expect, it } from "vitest";
import {
  computeProgramScorecard,
  computeScorecard,
  computeSeries,
} from "./compute.js";
import { EMPTY_FACTS, type PartnerFacts } from "./facts.js";
import { PARTNER_METRIC_IDS } from "./metric-ids.js";
import { valueToDecimal } from "./numbers.js";
import { parsePeriodKey } from "./periods.js";
import { EMPTY_PROGRAM_FACTS } from "./program-facts.js";

function facts(partial: Partial<PartnerFacts>): PartnerFacts {
  return { ...EMPTY_FACTS, ...partial };
}

function byId(results: ReturnType<typeof computeScorecard>) {
  return Object.fromEntries(results.map((r) => [r.definition.id, r]));
}

describe("computeScorecard", () => {
  // Darcel Schlecht in the CRM data set, figures from its EXPECTED.md.
  const q1 = facts({
    leadsRegistered: 103,
    leadsWon: 44,
    leadsLost: 13,
    wonAmountMinor: 11225500n,
    revenueMinor: 11225500n,
  });
  const q2 = facts({
    leadsRegistered: 164,
    leadsWon: 96,
    leadsLost: 60,
    wonAmountMinor: 31007500n,
    revenueMinor: 31007500n,
  });

  it("computes a quarter with the previous one beside it", () => {
    const card = byId(computeScorecard([EMPTY_FACTS, q1, q2]));
    expect(card.leads_generated!.value).toBe(164);
    expect(card.leads_generated!.previous).toBe(103);
    expect(card.lead_conversion_rate!.value).toBeCloseTo(96 / 156, 12);
    expect(card.direct_revenue!.value).toBe(31007500n);
    // 310,075 / 96 = 3,229.947916... -> 3,229.95
    expect(card.avg_deal_size!.value).toBe(322995n);
    expect(card.avg_deal_size!.previous).toBe(255125n);
    expect(card.revenue_growth_rate!.value).toBeCloseTo(197820 / 112255, 10);
    // Q4 2016 had no revenue: growth into Q1 cannot be computed.
    expect(card.revenue_growth_rate!.previous).toBeNull();
  });

  it("gives null, not zero, where the catalog says so", () => {
    const card = byId(computeScorecard([EMPTY_FACTS, EMPTY_FACTS]));
    expect(card.leads_generated!.value).toBe(0);
    expect(card.direct_revenue!.value).toBe(0n);
    expect(card.lead_conversion_rate!.value).toBeNull();
    expect(card.avg_deal_size!.value).toBeNull();
    expect(card.revenue_growth_rate!.value).toBeNull();
    expect(card.partner_satisfaction_score!.value).toBeNull();
  });

  it("counts a period with only lost leads as 0 % converted", () => {
    const card = byId(computeScorecard([facts({ leadsLost: 3 })]));
    expect(card.lead_conversion_rate!.value).toBe(0);
  });

  it("averages the partner side's ratings", () => {
    const card = byId(
      computeScorecard([
        facts({ partnerRatingSum: 17, partnerRatingCount: 2 }),
      ]),
    );
    expect(card.partner_satisfaction_score!.value).toBe(8.5);
  });

  it("computes negative growth when revenue falls", () => {
    const [, second] = computeSeries([
      facts({ revenueMinor: 40000n }),
      facts({ revenueMinor: 10000n }),
    ]);
    expect(second!.revenue_growth_rate).toBe(-0.75);
  });
});

describe("the scorecards", () => {
  it("shows every partner-level metric, in catalog order", () => {
    const card = computeScorecard([EMPTY_FACTS]);
    expect(card.map((r) => r.definition.id)).toEqual([...PARTNER_METRIC_IDS]);
  });

  it("gives each metric its change against the period before", () => {
    const card = byId(
      computeScorecard([
        facts({ leadsRegistered: 32 }),
        facts({ leadsRegistered: 40 }),
      ]),
    );
    // 40 - 32 = 8; 8 / 32 = 0.25
    expect(card.leads_generated!.change).toEqual({
      absolute: 8,
      relative: 0.25,
    });
    expect(card.avg_deal_size!.change).toEqual({
      absolute: null,
      relative: null,
    });
  });

  it("shows every metric for the program", () => {
    const card = computeProgramScorecard([EMPTY_PROGRAM_FACTS]);
    expect(card).toHaveLength(34);
    expect(card.every((r) => r.previous === null)).toBe(true);
  });

  it("wants one entry per period in each option", () => {
    const q1 = parsePeriodKey("quarter", "2017-Q1")!;
    expect(() =>
      computeSeries([EMPTY_FACTS, EMPTY_FACTS], { periods: [q1] }),
    ).toThrow(RangeError);
    expect(() => computeScorecard([])).toThrow();
  });
});

describe("valueToDecimal", () => {
  it("writes money exactly in major units", () => {
    expect(valueToDecimal(322995n, "money", 2)).toBe("3229.95");
    expect(valueToDecimal(-5n, "money", 2)).toBe("-0.05");
    expect(valueToDecimal(1234n, "money", 0)).toBe("1234");
    expect(valueToDecimal(null, "money", 2)).toBeNull();
    expect(valueToDecimal(0.771929824, "percent", 2)).toBe("0.771930");
  });
});
