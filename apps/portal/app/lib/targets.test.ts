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
      error: "Enter an amount above 0, e.g. 25000.",
    });
  });

  it("reads a percent as a fraction", () => {
    expect(parseTarget("25", conversion, 2)).toEqual({ target: "0.250000" });
    expect(parseTarget("62.5 %", conversion, 2)).toEqual({
      target: "0.625000",
    });
    expect(parseTarget("150", growth, 2)).toEqual({ target: "1.500000" });
  });

  it("refuses what is not a number", () => {
    expect(parseTarget("lots", leads, 2)).toEqual({
      error: "Enter a number above 0.",
    });
    expect(parseTarget("", satisfaction, 2)).toEqual({
      error: "Enter a number above 0, up to 10.",
    });
  });

  it("refuses 0 and below: attainment is a ratio to the target", () => {
    for (const [text, metric] of [
      ["0", revenue],
      ["0", leads],
      ["-10", growth],
      ["-5", conversion],
      ["-20", nps],
    ] as const) {
      expect(parseTarget(text, metric, 2), text).toHaveProperty("error");
    }
    expect(parseTarget("-10", growth, 2)).toEqual({
      error: "Enter a percent above 0, e.g. 25 for 25 %.",
    });
  });

  it("refuses more than the metric can be", () => {
    expect(parseTarget("120", conversion, 2)).toEqual({
      error: "Enter a percent above 0 up to 100, e.g. 25 for 25 %.",
    });
    expect(parseTarget("11", satisfaction, 2)).toHaveProperty("error");
    expect(parseTarget("101", nps, 2)).toHaveProperty("error");
    // The top is fine.
    expect(parseTarget("100", conversion, 2)).toEqual({ target: "1.000000" });
    expect(parseTarget("10", satisfaction, 2)).toEqual({
      target: "10.000000",
    });
  });
});
