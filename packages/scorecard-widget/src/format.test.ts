import { describe, expect, it } from "vitest";
import { metricFormatter, NOT_ENOUGH_DATA } from "./format.js";

describe("metricFormatter", () => {
  const format = metricFormatter("en-US", "USD");

  it("formats money in the program currency", () => {
    expect(format("112255.00", "money")).toBe("$112,255.00");
    expect(format("-2551.5", "money")).toBe("-$2,551.50");
  });

  it("formats a fraction as a percent with up to two decimals", () => {
    expect(format("0.771900", "percent")).toBe("77.19%");
    expect(format("0.5", "percent")).toBe("50.00%");
  });

  it("formats a count as a whole number and a score to one decimal", () => {
    expect(format("1200", "count")).toBe("1,200");
    expect(format("8.250000", "score")).toBe("8.3");
    expect(format("7", "score")).toBe("7.0");
  });

  it("shows null as not enough data, never as zero", () => {
    for (const unit of ["money", "percent", "count", "score"] as const) {
      expect(format(null, unit)).toBe(NOT_ENOUGH_DATA);
    }
  });

  it("keeps every digit of a large money value", () => {
    expect(format("90071992547409.93", "money")).toBe("$90,071,992,547,409.93");
  });

  it("follows the locale", () => {
    const german = metricFormatter("de-DE", "EUR");

    expect(german("2551.25", "money")).toBe("2.551,25\u00a0€");
    expect(german("0.7719", "percent")).toBe("77,19\u00a0%");
  });

  it("falls back to the default locale for a malformed one", () => {
    const broken = metricFormatter("not a locale!", "USD");

    expect(broken("2551.25", "money")).toMatch(/2.?551[.,]25/);
  });
});
