import { describe, expect, it } from "vitest";
import { divideRounded, valueToDecimal } from "./numbers.js";

describe("valueToDecimal for every unit", () => {
  it("writes money in major units, even from a number", () => {
    expect(valueToDecimal(1_234n, "money", 2)).toBe("12.34");
    // 1,234.4 minor units round to 1,234.
    expect(valueToDecimal(1_234.4, "money", 2)).toBe("12.34");
  });

  it("writes counts whole and the rest with six places", () => {
    expect(valueToDecimal(3, "count", 2)).toBe("3");
    expect(valueToDecimal(15, "days", 2)).toBe("15.000000");
    expect(valueToDecimal(12.5, "hours", 2)).toBe("12.500000");
    expect(valueToDecimal(1.5, "ratio", 2)).toBe("1.500000");
    expect(valueToDecimal(3.25, "per_month", 2)).toBe("3.250000");
    expect(valueToDecimal(0.5, "per_quarter", 2)).toBe("0.500000");
    expect(valueToDecimal(3.5, "points", 2)).toBe("3.500000");
    expect(valueToDecimal(-30, "nps", 2)).toBe("-30.000000");
    expect(valueToDecimal(61.875, "score", 2)).toBe("61.875000");
  });

  it("writes nothing for null or a non-finite number", () => {
    expect(valueToDecimal(null, "nps", 2)).toBeNull();
    expect(valueToDecimal(Number.POSITIVE_INFINITY, "ratio", 2)).toBeNull();
    expect(valueToDecimal(Number.NaN, "money", 2)).toBeNull();
  });
});

describe("divideRounded", () => {
  it("rounds half away from zero on both sides", () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(7n, 3n)).toBe(2n);
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });
});
