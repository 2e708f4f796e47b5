import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  parsePeriodKey,
  periodContaining,
  periodSeries,
  previousPeriod,
  todayIn,
} from "./periods.js";

describe("periods", () => {
  it("puts the last day of March in March and in Q1", () => {
    expect(periodContaining("month", "2017-03-31")).toEqual({
      kind: "month",
      key: "2017-03",
      label: "Mar 2017",
      start: "2017-03-01",
      end: "2017-04-01",
    });
    expect(periodContaining("quarter", "2017-03-31").key).toBe("2017-Q1");
    expect(periodContaining("quarter", "2017-04-01").key).toBe("2017-Q2");
  });

  it("reads keys and refuses what is not one", () => {
    expect(parsePeriodKey("quarter", "2017-Q4")).toMatchObject({
      start: "2017-10-01",
      end: "2018-01-01",
    });
    expect(parsePeriodKey("year", "2017")?.end).toBe("2018-01-01");
    expect(parsePeriodKey("month", "2017-13")).toBeNull();
    expect(parsePeriodKey("quarter", "2017-03")).toBeNull();
  });

  it("steps back across a year end", () => {
    const q1 = parsePeriodKey("quarter", "2017-Q1")!;
    expect(previousPeriod(q1).key).toBe("2016-Q4");
    expect(periodSeries(q1, 3).map((p) => p.key)).toEqual([
      "2016-Q3",
      "2016-Q4",
      "2017-Q1",
    ]);
  });

  it("takes today in the program's zone, not the server's", () => {
    // 2017-04-01 03:30 UTC is still March 31 in Los Angeles.
    const instant = Temporal.Instant.from("2017-04-01T03:30:00Z");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2017-03-31");
    expect(todayIn("Asia/Tokyo", instant)).toBe("2017-04-01");
  });
});
