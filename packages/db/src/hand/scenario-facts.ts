import { sql } from "drizzle-orm";
import type { Temporal } from "temporal-polyfill";
import { recordActivity } from "../activities.js";
import type { Database } from "../client.js";
import { recordCost } from "../costs.js";
import { createEmbedKey } from "../embed-keys.js";
import { recordManualMeasure } from "../measures.js";
import type { Partner } from "../programs.js";
import { rateRelationship } from "../ratings.js";
import { must } from "./scenario.js";

/** The hand program's costs, activities, measures, ratings and keys. */
export async function recordHandFacts(
  db: Database,
  input: {
    programId: number;
    p: Record<string, Partner>;
    staff: number;
    /** People who rate, by a short name. */
    raters: Record<string, number>;
    at: (local: string) => Temporal.Instant;
  },
) {
  const { programId, p, staff, raters, at } = input;
  for (const [partner, amountMinor, incurredOn] of [
    ["A", 300_00n, "2024-05-01"],
    ["A", 200_01n, "2024-05-31"],
    ["A", 999_99n, "2024-04-30"],
    ["G", 50_00n, "2024-05-15"],
  ] as const) {
    must(
      await recordCost(db, {
        programId,
        partnerId: p[partner]!.id,
        kind: "commission",
        amountMinor,
        incurredOn,
      }),
    );
  }

  const activities = [
    ["campaign", "2024-05-03", ["A", "B"], true],
    ["co_selling", "2024-05-20", ["A", "B", "C"], true],
    ["meeting", "2024-05-05", ["A"], true],
    ["call", "2024-05-06", ["A", "B"], true],
    ["meeting", "2024-05-08", ["C", "E"], true],
    ["business_review", "2024-04-30", ["C"], true],
    ["innovation", "2024-05-10", ["A", "C"], true],
    ["innovation", "2024-05-11", ["A"], false],
  ] as const;
  for (const [kind, occurredOn, names, completed] of activities) {
    must(
      await recordActivity(db, {
        programId,
        kind,
        title: `${kind} on ${occurredOn}`,
        occurredOn,
        completed,
        partnerIds: names.map((n) => p[n]!.id),
      }),
    );
  }

  const measures = [
    ["A", "cost_savings", "2024-05-02", 150000],
    ["A", "cost_savings", "2024-05-30", 25050],
    ["A", "cost_savings", "2024-04-30", 99999],
    ["A", "time_to_market_gain", "2024-05-02", 10],
    ["A", "time_to_market_gain", "2024-05-03", 20],
    ["A", "resource_optimization_rate", "2024-05-02", 0.1],
    ["A", "resource_optimization_rate", "2024-05-03", 0.2],
    ["A", "resource_optimization_rate", "2024-05-04", 0.4],
    ["B", "brand_awareness_lift", "2024-05-09", 3.5],
    [null, "reputation_index", "2024-05-01", 7],
    [null, "reputation_index", "2024-05-31", 8],
    [null, "knowledge_capital_growth", "2024-05-15", 0.05],
  ] as const;
  for (const [partner, metricId, measuredOn, value] of measures) {
    must(
      await recordManualMeasure(db, {
        programId,
        partnerId: partner === null ? null : p[partner]!.id,
        metricId,
        measuredOn,
        value,
      }),
    );
  }

  // a1's 0 of April 30 and a4's 6 of May 3 are replaced by the same
  // person's later rating in the quarter: they stay but do not count.
  const ratings = [
    ["a1", "A", "partner", 0, 1, "2024-04-30T10:00"],
    ["a1", "A", "partner", 10, 5, "2024-05-01T10:00"],
    ["a2", "A", "partner", 9, 4, "2024-05-02T10:00"],
    ["a3", "A", "partner", 7, null, "2024-05-03T10:00"],
    ["a4", "A", "partner", 6, 5, "2024-05-03T18:00"],
    ["a4", "A", "partner", 3, 2, "2024-05-04T10:00"],
    ["staff", "A", "owner", 8, 3, "2024-05-05T10:00"],
    ["staff2", "A", "owner", 5, null, "2024-05-06T10:00"],
    ["a1", "E", "partner", 0, 1, "2024-05-07T10:00"],
  ] as const;
  for (const [rater, partner, side, score, communication, when] of ratings) {
    await rateRelationship(db, {
      programId,
      partnerId: p[partner]!.id,
      side,
      userId: raters[rater]!,
      score,
      comment: null,
      dimensions: { communication },
      now: at(when),
    });
  }

  // Keys carry the real clock's creation time; set the days by hand.
  const keys = [
    ["A", "2024-04-15T12:00:00Z", null],
    ["B", "2024-05-10T12:00:00Z", "2024-05-12T12:00:00Z"],
    ["C", "2024-03-01T12:00:00Z", "2024-04-20T12:00:00Z"],
    ["E", "2024-03-01T12:00:00Z", null],
  ] as const;
  for (const [partner, created, revoked] of keys) {
    const key = await createEmbedKey(db, {
      programId,
      target: { scope: "partner", partnerId: p[partner]!.id },
      metrics: null,
      label: partner,
      allowedOrigins: ["https://example.test"],
      createdBy: staff,
    });
    await db.execute(sql`
      update embed_keys set created_at = ${created}::timestamptz,
        revoked_at = ${revoked}::timestamptz
      where id = ${key.id}`);
  }
}
