import { describe, expect, it } from "vitest";
import { cltvUplift, customerLifetimeValue } from "./cltv.js";

const full = { grossMarginBasisPoints: 10000, lifetimeCapMonths: 60 };

describe("customerLifetimeValue", () => {
  it("multiplies ARPA, margin and 1 / churn", () => {
    // ARPA = 1,200,000 / 120 = 10,000 a month; churn = 4 / 120 = 1/30;
    // lifetime 30 months; value = 10,000 x 1 x 30 = 300,000.
    const facts = { revenueMinor: 1_200_000n, customerMonths: 120, churned: 4 };
    expect(customerLifetimeValue(facts, full)).toBe(300_000n);
    // At 75 % margin: 300,000 x 0.75 = 225,000.
    expect(
      customerLifetimeValue(facts, { ...full, grossMarginBasisPoints: 7500 }),
    ).toBe(225_000n);
  });

  it("takes the cap as the lifetime when nobody churned", () => {
    // 10,000 a month x 60 months = 600,000.
    const facts = { revenueMinor: 1_200_000n, customerMonths: 120, churned: 0 };
    expect(customerLifetimeValue(facts, full)).toBe(600_000n);
    // A 24-month cap: 10,000 x 24 = 240,000.
    expect(
      customerLifetimeValue(facts, { ...full, lifetimeCapMonths: 24 }),
    ).toBe(240_000n);
  });

  it("caps a lifetime longer than the cap", () => {
    // churn = 1 / 120: 120 months, above 60; 10,000 x 60 = 600,000.
    const facts = { revenueMinor: 1_200_000n, customerMonths: 120, churned: 1 };
    expect(customerLifetimeValue(facts, full)).toBe(600_000n);
  });

  it("rounds once, half away from zero, to minor units", () => {
    // Uncapped (lifetime 10 / 2 = 5): 1,000,001 / 2 = 500,000.5 -> 500,001.
    expect(
      customerLifetimeValue(
        { revenueMinor: 1_000_001n, customerMonths: 10, churned: 2 },
        full,
      ),
    ).toBe(500_001n);
    // Capped, fractional months: 100,000 x 60 / 29.5 = 203,389.83 ->
    // 203,390 (29.5 x 203,389 = 5,999,975.5, remainder 24.5 of 29.5).
    expect(
      customerLifetimeValue(
        { revenueMinor: 100_000n, customerMonths: 29.5, churned: 0 },
        full,
      ),
    ).toBe(203_390n);
  });

  it("divides by the customer-months as they are, rounding once", () => {
    // One $12,500.00 customer for 28 days: 28 / (365.2425 / 12) months.
    // 1,250,000 x 60 x 30.436875 / 28 = 81,527,343.75 -> $815,273.44.
    expect(
      customerLifetimeValue(
        {
          revenueMinor: 1_250_000n,
          customerMonths: 28 / (365.2425 / 12),
          churned: 0,
        },
        full,
      ),
    ).toBe(81_527_344n);
  });

  it("is null without customer-months, whatever the revenue", () => {
    expect(
      customerLifetimeValue(
        { revenueMinor: 5_000n, customerMonths: 0, churned: 0 },
        full,
      ),
    ).toBeNull();
  });

  it("goes negative when contractions outweigh sales", () => {
    // -60,000 / 30 = -2,000 a month x 60 = -120,000.
    expect(
      customerLifetimeValue(
        { revenueMinor: -60_000n, customerMonths: 30, churned: 0 },
        full,
      ),
    ).toBe(-120_000n);
  });
});

describe("cltvUplift", () => {
  it("compares partner customers with direct ones", () => {
    // 300,000 / 200,000 - 1 = 0.5; 150,000 / 200,000 - 1 = -0.25.
    expect(cltvUplift(300_000n, 200_000n)).toBe(0.5);
    expect(cltvUplift(150_000n, 200_000n)).toBe(-0.25);
  });

  it("is null when either side is unknown or direct is worth nothing", () => {
    expect(cltvUplift(null, 200_000n)).toBeNull();
    expect(cltvUplift(300_000n, null)).toBeNull();
    expect(cltvUplift(300_000n, 0n)).toBeNull();
    expect(cltvUplift(300_000n, -5n)).toBeNull();
  });
});
