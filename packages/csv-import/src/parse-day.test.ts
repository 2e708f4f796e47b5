import { describe, expect, it } from "vitest";
import type { DateFormat } from "./mapping-schema.js";
import { parseDay } from "./parse-day.js";

describe("parseDay", () => {
  it.each<[string, DateFormat, string]>([
    ["2017-03-01", "YYYY-MM-DD", "2017-03-01"],
    ["2017-3-1", "YYYY-MM-DD", "2017-03-01"],
    ["12/5/2024", "M/D/YYYY", "2024-12-05"],
    ["12/5/2024", "D/M/YYYY", "2024-05-12"],
    ["31.12.2024", "D.M.YYYY", "2024-12-31"],
    ["2024-02-29", "YYYY-MM-DD", "2024-02-29"],
    ["2024-05-01 14:33:07", "YYYY-MM-DD", "2024-05-01"],
    ["2024-05-01T09:05", "YYYY-MM-DD", "2024-05-01"],
    ["1/15/2025 3:45 PM", "M/D/YYYY", "2025-01-15"],
  ])("reads %s as %s", (text, format, day) => {
    expect(parseDay(text, format)).toEqual({ ok: true, day });
  });

  it.each<[string, DateFormat, string]>([
    ["2017-02-30", "YYYY-MM-DD", "is not a real day"],
    ["2023-02-29", "YYYY-MM-DD", "is not a real day"],
    ["13/1/2024", "M/D/YYYY", "is not a real day"],
    ["31.04.2024", "D.M.YYYY", "is not a real day"],
    ["12/5/24", "M/D/YYYY", "is not a date in M/D/YYYY form"],
    ["2024-05-01", "D.M.YYYY", "is not a date in D.M.YYYY form"],
    ["2024-05-01T10:00Z", "YYYY-MM-DD", "is not a date in YYYY-MM-DD form"],
    ["2024-05-01 25:00", "YYYY-MM-DD", "is not a date in YYYY-MM-DD form"],
    ["soon", "YYYY-MM-DD", "is not a date in YYYY-MM-DD form"],
  ])("refuses %s in %s", (text, format, problem) => {
    expect(parseDay(text, format)).toEqual({ ok: false, problem });
  });
});
