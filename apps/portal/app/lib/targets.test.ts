import { describe, expect, it } from "vitest";
import { parseTarget } from "./targets.js";

describe("parseTarget", () => {
  it("stores money exactly in minor units", () => {
    expect(parseTarget("$25,000.50", "money", 2)).toBe("2500050");
    expect(parseTarget("12.345", "money", 2)).toBeNull();
  });

  it("reads a percent as a fraction", () => {
    expect(parseTarget("25", "percent", 2)).toBe("0.250000");
    expect(parseTarget("62.5 %", "percent", 2)).toBe("0.625000");
  });

  it("refuses what is not a number", () => {
    expect(parseTarget("lots", "count", 2)).toBeNull();
    expect(parseTarget("", "score", 2)).toBeNull();
  });
});
