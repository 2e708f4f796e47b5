import { describe, expect, it } from "vitest";
import { computeSeries } from "./compute.js";
import { EMPTY_FACTS, type PartnerFacts } from "./facts.js";
import { partnershipScore, scoreKeyMetrics } from "./score.js";

describe("partnershipScore", () => {
  it("is the weighted mean attainment on 0..100", () => {
    // (2 x 0.9 + 1 x 0.6) / 3 = 2.4 / 3 = 0.8 -> 80
    expect(
      partnershipScore([
        { attainment: 0.9, weight: 2 },
        { attainment: 0.6, weight: 1 },
      ]),
    ).toBeCloseTo(80, 12);
  });

  it("caps the mean at 100, not each metric", () => {
    // (0.9 + 1.2) / 2 = 1.05 -> 100
    expect(partnershipScore([{ attainment: 0.9 }, { attainment: 1.2 }])).toBe(
      100,
    );
    // (1.5 + 0.3) / 2 = 0.9: overshooting one makes up for another.
    expect(
      partnershipScore([{ attainment: 1.5 }, { attainment: 0.3 }]),
    ).toBeCloseTo(90, 12);
  });

  it("leaves out metrics without attainment or weight", () => {
    expect(partnershipScore([{ attainment: 0.5 }, { attainment: null }])).toBe(
      50,
    );
    expect(
      partnershipScore([{ attainment: 0.5 }, { attainment: 1, weight: 0 }]),
    ).toBe(50);
  });

  it("is null when no key metric has an attainment", () => {
    expect(partnershipScore([])).toBeNull();
    expect(partnershipScore([{ attainment: null }])).toBeNull();
    expect(partnershipScore([{ attainment: 1, weight: 0 }])).toBeNull();
  });

  it("refuses a negative weight as a bug", () => {
    expect(() => partnershipScore([{ attainment: 1, weight: -1 }])).toThrow(
      RangeError,
    );
  });
});

describe("scoreKeyMetrics", () => {
  const quarter = (leads: number, costs: bigint): PartnerFacts => ({
    ...EMPTY_FACTS,
    leadsRegistered: leads,
    costsMinor: costs,
    newCustomers: 2,
  });
  // Fourteen quarters; leads 30, 31, ... 42, then 40 in P.
  const facts = Array.from({ length: 13 }, (_, i) => quarter(30 + i, 80_000n));
  facts.push(quarter(40, 100_000n));
  const series = computeSeries(facts);

  const card = scoreKeyMetrics(series, [
    { metricId: "leads_generated", target: 50 },
    { metricId: "cac_via_partner", target: 40_000n, weight: 2 },
  ]);

  it("scores each key metric against its target", () => {
    const [leads, cac] = card.keyMetrics;
    // 40 leads of 50 aimed at: 80 %, at risk.
    expect(leads!.value).toBe(40);
    expect(leads!.attainment).toBe(0.8);
    expect(leads!.status).toBe("at_risk");
    // 40 against 42 the quarter before: -2, -2 / 42.
    expect(leads!.change.absolute).toBe(-2);
    expect(leads!.change.relative).toBeCloseTo(-2 / 42, 12);
    // CAC 100,000 / 2 = 50,000 against 40,000: 40 / 50 = 80 %.
    expect(cac!.value).toBe(50_000n);
    expect(cac!.previous).toBe(40_000n);
    expect(cac!.attainment).toBe(0.8);
    expect(cac!.status).toBe("at_risk");
    // (1 x 0.8 + 2 x 0.8) / 3 = 0.8 -> 80
    expect(card.score).toBeCloseTo(80, 12);
  });

  it("carries the last twelve periods, ending with P", () => {
    const leads = card.keyMetrics[0]!.series;
    // Of 30..42 and 40, the last twelve: 32..42, then 40.
    expect(leads).toEqual([32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 40]);
  });

  it("reads a metric the series lacks as not enough data", () => {
    const [density] = scoreKeyMetrics(series, [
      { metricId: "partner_density_index", target: 0.2 },
    ]).keyMetrics;
    expect(density!.value).toBeNull();
    expect(density!.attainment).toBeNull();
    expect(density!.status).toBeNull();
  });

  it("has no score when no key metric has a target", () => {
    const none = scoreKeyMetrics(series, [
      { metricId: "leads_generated", target: null },
    ]);
    expect(none.score).toBeNull();
  });
});
