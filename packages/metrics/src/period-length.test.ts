import { describe, expect, it } from "vitest";
import { customPeriod } from "./custom-period.js";
import { cltvWindow, monthsIn, quartersIn } from "./period-length.js";
import { parsePeriodKey } from "./periods.js";

const month = (key: string) => parsePeriodKey("month", key)!;
const quarter = (key: string) => parsePeriodKey("quarter", key)!;
const year = (key: string) => parsePeriodKey("year", key)!;

describe("months and quarters in a period", () => {
  it("counts calendar periods in whole months, however long", () => {
    expect(monthsIn(month("2017-02"))).toBe(1);
    expect(monthsIn(month("2017-03"))).toBe(1);
    expect(monthsIn(quarter("2017-Q1"))).toBe(3);
    expect(monthsIn(year("2016"))).toBe(12);
    expect(quartersIn(month("2017-02"))).toBe(1 / 3);
    expect(quartersIn(quarter("2017-Q1"))).toBe(1);
    expect(quartersIn(year("2016"))).toBe(4);
  });

  it("measures a custom range in mean Gregorian months", () => {
    // Jan 1 to Apr 1, 2017: 31 + 28 + 31 = 90 days.
    // 90 / (365.2425 / 12) = 1080 / 365.2425 = 2.9569...
    const q1 = customPeriod("2017-01-01", "2017-04-01")!;
    expect(monthsIn(q1)).toBeCloseTo(1080 / 365.2425, 12);
    expect(monthsIn(q1)).toBeCloseTo(2.9569, 4);
    // 90 / (365.2425 / 4) = 360 / 365.2425 = 0.9856...
    expect(quartersIn(q1)).toBeCloseTo(360 / 365.2425, 12);
    expect(quartersIn(q1)).toBeCloseTo(0.9856, 4);
    // A whole 400-year cycle has 146,097 days: exactly 4,800 months.
    const cycle = customPeriod("2000-01-01", "2400-01-01")!;
    expect(monthsIn(cycle)).toBeCloseTo(4800, 9);
  });

  it("gives P-CLTV the twelve months ending at P's end", () => {
    expect(cltvWindow(quarter("2017-Q1"))).toMatchObject({
      start: "2016-04-01",
      end: "2017-04-01",
    });
    expect(cltvWindow(month("2016-02"))).toMatchObject({
      start: "2015-03-01",
      end: "2016-03-01",
    });
  });
});
