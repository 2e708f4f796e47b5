import { describe, expect, it } from "vitest";
import { changeText } from "./format.js";

const usd = { currency: "USD", currencyDigits: 2 };

describe("changeText", () => {
  it("gives a percent's change in points, then the relative change", () => {
    // 11.00 % before, 2.20 % now: 8.8 points down, 80 % less.
    expect(
      changeText({ absolute: -0.088, relative: -0.8 }, "percent", usd),
    ).toBe("-8.80 pts (-80.0 % on before)");
  });

  it("gives money exactly, signed", () => {
    expect(changeText({ absolute: 12_50n, relative: 0.25 }, "money", usd)).toBe(
      "+$12.50 (+25.0 % on before)",
    );
  });

  it("says when there is nothing to compare with", () => {
    expect(changeText({ absolute: null, relative: null }, "count", usd)).toBe(
      "no earlier value",
    );
    expect(changeText({ absolute: 3, relative: null }, "count", usd)).toBe(
      "+3",
    );
  });
});
