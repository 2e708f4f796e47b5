import { describe, expect, it } from "vitest";
import { getMetricDefinition } from "@tandem/metrics";
import { parseTarget } from "./targets.js";

const revenue = getMetricDefinition("direct_revenue");
const conversion = getMetricDefinition("lead_conversion_rate");
const growth = getMetricDefinition("revenue_growth_rate");
const satisfaction = getMetricDefinition("partner_satisfaction_score");
const nps = getMetricDefinition("partner_nps");
const leads = getMetricDefinition("leads_generated");

describe("parseTarget", () => {
  it("stores money exactly in minor units", () => {
    expect(parseTarget("$25,000.50", revenue, 2)).toEqual({
      target: "2500050",
    });
    expect(parseTarget("12.345", revenue, 2)).toEqual({
      error: "Enter an amount of 0 or more, e.g. 25000.",
    });
  });

  it("reads a percent as a fraction", () => {
    expect(parseTarget("25", conversion, 2)).toEqual({ target: "0.250000" });
    expect(parseTarget("62.5 %", conversion, 2)).toEqual({
      target: "0.625000",
    });
  });

  it("refuses what is not a number", () => {
    expect(parseTarget("lots", leads, 2)).toEqual({
      error: "Enter a number of 0 or more.",
    });
    expect(parseTarget("", satisfaction, 2)).toEqual({
      error: "Enter a number from 0 to 10.",
    });
  });

  it("refuses what the metric can never be", () => {
    expect(parseTarget("120", conversion, 2)).toEqual({
      error: "Enter a percent from 0 to 100, e.g. 25 for 25 %.",
    });
    expect(parseTarget("-5", conversion, 2)).toHaveProperty("error");
    expect(parseTarget("11", satisfaction, 2)).toHaveProperty("error");
    expect(parseTarget("-1", leads, 2)).toHaveProperty("error");
    expect(parseTarget("-1", revenue, 2)).toHaveProperty("error");
    expect(parseTarget("-101", nps, 2)).toHaveProperty("error");
    // The edges are fine.
    expect(parseTarget("100", conversion, 2)).toEqual({ target: "1.000000" });
    expect(parseTarget("-100", nps, 2)).toEqual({ target: "-100.000000" });
    expect(parseTarget("0", leads, 2)).toEqual({ target: "0.000000" });
  });

  it("lets growth be negative or above 100 %", () => {
    expect(parseTarget("-10", growth, 2)).toEqual({ target: "-0.100000" });
    expect(parseTarget("150", growth, 2)).toEqual({ target: "1.500000" });
  });
});
