import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriodKey, type MetricValue } from "@tandem/metrics";
import type { DatabaseHandle } from "../client.js";
import type { Partner, Program } from "../programs.js";
import { getPartnerScorecard } from "../scorecards.js";
import { openTestDatabase } from "../testing/index.js";
import { buildHandProgram } from "./scenario.js";

let handle: DatabaseHandle;
let program: Program;
let partners: Record<string, Partner>;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ program, partners } = await buildHandProgram(handle.db));
});
afterAll(() => handle.close());

async function values(name: string, key = "2024-05", kind = "month") {
  const card = await getPartnerScorecard(handle.db, {
    program,
    partner: partners[name]!,
    period: parsePeriodKey(kind as "month", key)!,
  });
  const out: Record<string, MetricValue> = {};
  for (const m of card.metrics) out[m.definition.id] = m.value;
  return out;
}

describe("a partner's May, worked out by hand", () => {
  it("divides costs by new customers, rounding half away from 0", async () => {
    // A: 300.00 + 200.01 in May (999.99 on April 30 is April's),
    // two customers won (Two, Five): 500.01 / 2 = 250.005 -> 250.01.
    expect((await values("A")).cac_via_partner).toBe(250_01n);
    // B spent nothing and won Bee: 0. G spent 50.00, won nobody: null.
    expect((await values("B")).cac_via_partner).toBe(0n);
    expect((await values("G")).cac_via_partner).toBeNull();
  });

  it("counts each activity for every partner it names", async () => {
    const a = await values("A");
    // campaign(A,B) + co_selling(A,B,C); meeting(A) + call(A,B).
    expect(a.joint_activity_level).toBe(2);
    expect(a.communication_frequency).toBe(2);
    // The innovation with C is completed; A's own is not.
    expect(a.innovation_output).toBe(1);
    // One per month is three per quarter.
    expect(a.innovation_velocity).toBe(3);
    const c = await values("C");
    expect(c.joint_activity_level).toBe(1);
    // meeting(C,E) in May; the business review of April 30 is not.
    expect(c.communication_frequency).toBe(1);
    const cQ2 = await values("C", "2024-Q2", "quarter");
    expect(cQ2.communication_frequency).toBeCloseTo(2 / 3, 12);
    expect(cQ2.innovation_velocity).toBe(1);
    expect((await values("G")).joint_activity_level).toBe(0);
  });

  it("sums cost savings and averages the other measures", async () => {
    const a = await values("A");
    // 1,500.00 + 250.50; the 999.99 of April 30 is April's.
    expect(a.cost_savings).toBe(1750_50n);
    expect(a.time_to_market_gain).toBe(15);
    expect(a.resource_optimization_rate).toBeCloseTo(0.7 / 3, 12);
    expect(a.brand_awareness_lift).toBeNull();
    const b = await values("B");
    expect(b.brand_awareness_lift).toBe(3.5);
    expect(b.cost_savings).toBeNull();
  });

  it("reads both sides' ratings and their communication scores", async () => {
    const a = await values("A");
    // Partner side in May: 10, 9, 7, 3; a4's 6 of May 3 was replaced
    // by a4's 3 of May 4, the same quarter.
    expect(a.partner_satisfaction_score).toBe(7.25);
    // Promoters 10, 9; detractor 3: (2 - 1) / 4 = 25.
    expect(a.partner_nps).toBe(25);
    expect(a.owner_satisfaction_score).toBe(6.5);
    // Communication 5, 4, 2 (partner) and 3 (owner); two left it out,
    // and the replaced 6 took its 5 with it.
    expect(a.communication_quality).toBe(3.5);
    // a1's 0 of April 30 was replaced by a1's 10 of May 1 in Q2, one
    // cadence period; April alone still holds it, as a closed month's
    // value does not change when someone rates again the next month.
    const april = await values("A", "2024-04");
    expect(april.partner_satisfaction_score).toBe(0);
    expect(april.communication_quality).toBe(1);
    const q2 = await values("A", "2024-Q2", "quarter");
    expect(q2.partner_satisfaction_score).toBe(7.25);
    const b = await values("B");
    expect(b.partner_nps).toBeNull();
    expect(b.partner_satisfaction_score).toBeNull();
    expect(b.communication_quality).toBeNull();
  });

  it("takes the median hours to the owner's first decision", async () => {
    // Two 3 h, Five 24 h, Three 1.5 h (rejected); Waiting is left out,
    // April's lead too though decided in May: median 3.
    expect((await values("A")).lead_response_hours).toBe(3);
    expect((await values("B")).lead_response_hours).toBe(10);
    expect((await values("G")).lead_response_hours).toBeNull();
  });

  it("books revenue of every kind, contractions negative", async () => {
    // Two 300.00 + Five 300.00 + expansion 50.00 - contraction 20.00.
    expect((await values("A")).direct_revenue).toBe(630_00n);
    // D's co-sold win is D's alone; A, named second, gets no credit.
    expect((await values("D")).direct_revenue).toBe(600_00n);
  });
});
