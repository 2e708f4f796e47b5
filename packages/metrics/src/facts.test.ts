import { describe, expect, it } from "vitest";
import { addFacts, EMPTY_FACTS, type PartnerFacts } from "./facts.js";
import { manualValue } from "./manual.js";

/** Every count 1 and every sum 1 (1n for money). */
function ones(): PartnerFacts {
  const out: Record<string, unknown> = {};
  for (const [key, empty] of Object.entries(EMPTY_FACTS)) {
    out[key] = typeof empty === "bigint" ? 1n : 1;
  }
  return {
    ...(out as unknown as PartnerFacts),
    responseHoursMedian: null,
    manualSums: {},
    manualCounts: {},
  };
}

describe("addFacts", () => {
  it("adds every count and sum", () => {
    const sum = addFacts(ones(), ones());
    for (const [key, value] of Object.entries(sum)) {
      if (key === "responseHoursMedian" || key.startsWith("manual")) continue;
      expect([key, value]).toEqual([key, typeof value === "bigint" ? 2n : 2]);
    }
  });

  it("keeps a median only when one side alone has one", () => {
    const median = (a: number | null, b: number | null) =>
      addFacts(
        { ...EMPTY_FACTS, responseHoursMedian: a },
        { ...EMPTY_FACTS, responseHoursMedian: b },
      ).responseHoursMedian;
    expect(median(null, null)).toBeNull();
    expect(median(5, null)).toBe(5);
    expect(median(null, 7)).toBe(7);
    // The median of the union is not known from the two medians.
    expect(median(5, 7)).toBeNull();
  });

  it("adds manual measures per metric, keeping absent ones absent", () => {
    const a = {
      ...EMPTY_FACTS,
      manualSums: { cost_savings: 100 },
      manualCounts: { cost_savings: 1 },
    };
    const b = {
      ...EMPTY_FACTS,
      manualSums: { cost_savings: 50, reputation_index: 3 },
      manualCounts: { cost_savings: 2, reputation_index: 1 },
    };
    const sum = addFacts(a, b);
    expect(sum.manualSums).toEqual({ cost_savings: 150, reputation_index: 3 });
    expect(sum.manualCounts).toEqual({ cost_savings: 3, reputation_index: 1 });
  });

  it("refuses writes into the shared empty facts", () => {
    expect(() => {
      (EMPTY_FACTS.manualSums as Record<string, number>).cost_savings = 1;
    }).toThrow(TypeError);
  });
});

describe("manualValue", () => {
  it("sums savings and averages the other measures", () => {
    // Savings 12,345 + 655 = 13,000 minor units, entered twice.
    expect(
      manualValue("cost_savings", { cost_savings: 13000 }, { cost_savings: 2 }),
    ).toBe(13000n);
    // Two launches, 10 and 20 days sooner: (10 + 20) / 2 = 15.
    expect(
      manualValue(
        "time_to_market_gain",
        { time_to_market_gain: 30 },
        { time_to_market_gain: 2 },
      ),
    ).toBe(15);
  });

  it("says nothing without a measure, but 0 for a measured zero", () => {
    expect(manualValue("cost_savings", {}, {})).toBeNull();
    expect(
      manualValue("cost_savings", { cost_savings: 0 }, { cost_savings: 0 }),
    ).toBeNull();
    expect(
      manualValue("cost_savings", { cost_savings: 0 }, { cost_savings: 1 }),
    ).toBe(0n);
  });
});
