import { describe, expect, it } from "vitest";
import { embedScorecardSchema } from "./scorecard.js";

const sample = {
  version: 1,
  partner: { name: "Darcel Schlecht" },
  program: { name: "MAVEN", currency: "USD", timeZone: "America/Los_Angeles" },
  period: {
    kind: "quarter",
    key: "2017-Q1",
    label: "Q1 2017",
    start: "2017-01-01",
    end: "2017-04-01",
  },
  metrics: [
    {
      id: "direct_revenue",
      label: "Direct revenue contribution",
      unit: "money",
      value: "112255.00",
      previous: null,
    },
  ],
  generatedAt: "2026-12-03T16:00:00.000Z",
};

describe("embed scorecard contract", () => {
  it("accepts a well-formed scorecard", () => {
    expect(embedScorecardSchema.parse(sample)).toEqual(sample);
  });

  it("rejects a money value that is not a decimal string", () => {
    const bad = structuredClone(sample);
    bad.metrics[0]!.value = "1,000";
    expect(embedScorecardSchema.safeParse(bad).success).toBe(false);
  });
});
