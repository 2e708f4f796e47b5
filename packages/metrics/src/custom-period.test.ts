import { describe, expect, it } from "vitest";
import { customPeriod, daysIn, parseCustomKey } from "./custom-period.js";
import { periodSeries, previousPeriod } from "./periods.js";

describe("custom periods", () => {
  it("holds any range of days, the end excluded", () => {
    expect(customPeriod("2017-01-01", "2017-02-15")).toEqual({
      kind: "custom",
      key: "2017-01-01..2017-02-15",
      label: "2017-01-01 to 2017-02-14",
      start: "2017-01-01",
      end: "2017-02-15",
    });
    // One day is the shortest range.
    expect(customPeriod("2017-03-31", "2017-04-01")?.label).toBe(
      "2017-03-31 to 2017-03-31",
    );
  });

  it("refuses what is not a range of existing days", () => {
    expect(customPeriod("2017-02-01", "2017-02-01")).toBeNull();
    expect(customPeriod("2017-03-01", "2017-02-01")).toBeNull();
    expect(customPeriod("2017-02-30", "2017-03-05")).toBeNull();
    expect(customPeriod("2017-2-1", "2017-03-05")).toBeNull();
    expect(customPeriod("2017-02-01", "")).toBeNull();
  });

  it("reads its own key back", () => {
    expect(parseCustomKey("2016-12-25..2017-01-08")?.start).toBe("2016-12-25");
    expect(parseCustomKey("2017-Q1")).toBeNull();
    expect(parseCustomKey("2017-01-08..2016-12-25")).toBeNull();
  });

  it("counts days across a leap day", () => {
    // 2016 is a leap year: 29 days of February and 1 of March.
    expect(daysIn({ start: "2016-02-01", end: "2016-03-02" })).toBe(30);
  });

  it("steps back by as many days, across a year end", () => {
    // 10 days from Jan 1; the 10 days before end on Dec 31.
    const p = customPeriod("2017-01-01", "2017-01-11")!;
    expect(previousPeriod(p)).toMatchObject({
      kind: "custom",
      start: "2016-12-22",
      end: "2017-01-01",
    });
    expect(periodSeries(p, 3).map((x) => x.start)).toEqual([
      "2016-12-12",
      "2016-12-22",
      "2017-01-01",
    ]);
  });
});
