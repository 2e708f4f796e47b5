import type {
  EmbedError,
  EmbedMetric,
  EmbedScorecard,
} from "@tandem/embed-contract";

/**
 * Shaped like the portal's reply for one partner and one quarter: money
 * in two decimal places, ratios in six, a count as an integer.
 */
export function scorecardFixture(): EmbedScorecard {
  return {
    version: 1,
    scope: "partner",
    partner: { name: "Darcel Schlecht" },
    program: {
      name: "MAVEN",
      currency: "USD",
      timeZone: "America/Los_Angeles",
    },
    period: {
      kind: "quarter",
      key: "2017-Q1",
      label: "Q1 2017",
      start: "2017-01-01",
      end: "2017-04-01",
    },
    metrics: [
      metric("leads_generated", "Leads generated", "count", "42", "37"),
      metric(
        "lead_conversion_rate",
        "Lead conversion rate",
        "percent",
        "0.771900",
        "0.650000",
      ),
      metric(
        "direct_revenue",
        "Direct revenue contribution",
        "money",
        "112255.00",
        null,
      ),
      metric(
        "avg_deal_size",
        "Average deal size",
        "money",
        "2551.25",
        "2400.00",
      ),
      metric(
        "revenue_growth_rate",
        "Revenue growth rate",
        "percent",
        null,
        null,
      ),
      metric(
        "partner_satisfaction_score",
        "Partner satisfaction",
        "score",
        "8.250000",
        "7.900000",
      ),
    ],
    generatedAt: "2026-12-03T16:00:00.000Z",
  };
}

export function errorFixture(): EmbedError {
  return {
    version: 1,
    error: {
      code: "revoked_key",
      message: "This embed key was revoked by the program owner.",
    },
  };
}

function metric(
  id: string,
  label: string,
  unit: EmbedMetric["unit"],
  value: string | null,
  previous: string | null,
): EmbedMetric {
  // The last periods, oldest first, ending with this one.
  const series = ["2016-Q2", "2016-Q3", "2016-Q4", "2017-Q1"].map((key, i) => ({
    key,
    value: i === 3 ? value : i === 2 ? previous : null,
  }));
  return { id, label, unit, value, previous, series };
}
