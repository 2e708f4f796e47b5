import { describe, expect, it } from "vitest";
import { computeSeries } from "./compute.js";
import { customPeriod } from "./custom-period.js";
import { EMPTY_FACTS, type PartnerFacts } from "./facts.js";
import { parsePeriodKey } from "./periods.js";
import { DEFAULT_PROGRAM_SETTINGS } from "./settings.js";

function facts(partial: Partial<PartnerFacts>): PartnerFacts {
  return { ...EMPTY_FACTS, ...partial };
}

const q1 = parsePeriodKey("quarter", "2017-Q1")!;
const settings = { ...DEFAULT_PROGRAM_SETTINGS, targetAccounts: 40 };

describe("intermediate metrics of a partner", () => {
  const f = facts({
    customersActiveAtStart: 20,
    customersRetained: 17,
    partnerRatingSum: 75,
    partnerRatingCount: 10,
    partnerPromoters: 5,
    partnerDetractors: 2,
    ownerRatingSum: 21,
    ownerRatingCount: 3,
    communicationScoreSum: 17,
    communicationScoreCount: 4,
    jointActivities: 4,
    communications: 9,
    newCustomersInTargetSegments: 3,
    innovations: 2,
    manualSums: { brand_awareness_lift: 7 },
    manualCounts: { brand_awareness_lift: 2 },
  });
  const [v] = computeSeries([f], {
    periods: [q1],
    // 1,200,000 / 120 months, churn 4 / 120: 10,000 x 30 = 300,000.
    cltv: [{ revenueMinor: 1_200_000n, customerMonths: 120, churned: 4 }],
    // 600,000 / 100 months, churn 5 / 100: 6,000 x 20 = 120,000.
    directCltv: [{ revenueMinor: 600_000n, customerMonths: 100, churned: 5 }],
    settings,
  });

  it("computes each from the period's facts", () => {
    expect(v!.partner_cltv).toBe(300_000n);
    // 300,000 / 120,000 - 1 = 1.5
    expect(v!.cltv_uplift).toBe(1.5);
    // 17 still here of 20 at the start
    expect(v!.customer_retention_rate).toBe(0.85);
    // 75 / 10 ratings
    expect(v!.partner_satisfaction_score).toBe(7.5);
    // 50 % promoters - 20 % detractors = 30
    expect(v!.partner_nps).toBe(30);
    // 21 / 3
    expect(v!.owner_satisfaction_score).toBe(7);
    expect(v!.joint_activity_level).toBe(4);
    // 9 in a quarter of 3 months
    expect(v!.communication_frequency).toBe(3);
    // 17 / 4
    expect(v!.communication_quality).toBe(4.25);
    // 3 new customers in target segments of 40 target accounts
    expect(v!.market_penetration_rate).toBe(0.075);
    // 7 points over 2 surveys
    expect(v!.brand_awareness_lift).toBe(3.5);
    expect(v!.innovation_output).toBe(2);
    // 2 innovations in one quarter
    expect(v!.innovation_velocity).toBe(2);
  });

  it("gives null where there is nothing to divide by", () => {
    const [e] = computeSeries([EMPTY_FACTS], {
      periods: [q1],
      cltv: [{ revenueMinor: 0n, customerMonths: 0, churned: 0 }],
      directCltv: [{ revenueMinor: 600_000n, customerMonths: 100, churned: 5 }],
      settings,
    });
    expect(e!.partner_cltv).toBeNull();
    expect(e!.cltv_uplift).toBeNull();
    expect(e!.customer_retention_rate).toBeNull();
    expect(e!.partner_satisfaction_score).toBeNull();
    expect(e!.partner_nps).toBeNull();
    expect(e!.owner_satisfaction_score).toBeNull();
    expect(e!.communication_quality).toBeNull();
    expect(e!.brand_awareness_lift).toBeNull();
    expect(e!.lead_response_hours).toBeNull();
    // Counts and rates of counts are plain zeros.
    expect(e!.joint_activity_level).toBe(0);
    expect(e!.communication_frequency).toBe(0);
    expect(e!.innovation_velocity).toBe(0);
    // Target accounts are set, so none reached is a real 0 %.
    expect(e!.market_penetration_rate).toBe(0);
  });

  it("gives -100 when every rating is a detractor's", () => {
    const [v] = computeSeries([
      facts({ partnerRatingCount: 4, partnerDetractors: 4 }),
    ]);
    // 0 % - 100 % = -100
    expect(v!.partner_nps).toBe(-100);
  });

  it("needs target accounts for market penetration", () => {
    const f = facts({ newCustomersInTargetSegments: 3 });
    const [none] = computeSeries([f]);
    expect(none!.market_penetration_rate).toBeNull();
    const zero = { ...settings, targetAccounts: 0 };
    expect(
      computeSeries([f], { settings: zero })[0]!.market_penetration_rate,
    ).toBeNull();
  });

  it("needs the period for rates per month and per quarter", () => {
    const [v] = computeSeries([facts({ communications: 9, innovations: 2 })]);
    expect(v!.communication_frequency).toBeNull();
    expect(v!.innovation_velocity).toBeNull();
  });

  it("needs the CLTV windows for P-CLTV and its uplift", () => {
    const [v] = computeSeries([EMPTY_FACTS]);
    expect(v!.partner_cltv).toBeNull();
    expect(v!.cltv_uplift).toBeNull();
  });

  it("measures rates over months, years and custom ranges", () => {
    const f = facts({ communications: 9, innovations: 2 });
    const month = parsePeriodKey("month", "2017-02")!;
    const year = parsePeriodKey("year", "2017")!;
    // 90 days: Jan 1 to Apr 1, 2017.
    const custom = customPeriod("2017-01-01", "2017-04-01")!;
    const [m, y, c] = computeSeries([f, f, f], {
      periods: [month, year, custom],
    });
    // 9 in one month; 2 in a third of a quarter = 6 a quarter.
    expect(m!.communication_frequency).toBe(9);
    expect(m!.innovation_velocity).toBe(6);
    // 9 / 12 months = 0.75; 2 / 4 quarters = 0.5.
    expect(y!.communication_frequency).toBe(0.75);
    expect(y!.innovation_velocity).toBe(0.5);
    // 9 / (90 / 30.436875) = 9 x 30.436875 / 90 = 3.0436875
    expect(c!.communication_frequency).toBeCloseTo(3.0436875, 12);
    // 2 / (90 / 91.310625) = 2 x 91.310625 / 90 = 2.0291250
    expect(c!.innovation_velocity).toBeCloseTo(2.029125, 12);
  });

  it("passes the median response time through", () => {
    const [v] = computeSeries([facts({ responseHoursMedian: 12.5 })]);
    expect(v!.lead_response_hours).toBe(12.5);
  });
});
