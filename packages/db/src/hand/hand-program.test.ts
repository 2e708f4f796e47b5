import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  parsePeriodKey,
  type MetricValue,
  type PeriodKind,
} from "@tandem/metrics";
import type { DatabaseHandle } from "../client.js";
import type { Program } from "../programs.js";
import { getProgramOverview } from "../scorecards.js";
import { openTestDatabase } from "../testing/index.js";
import { buildHandProgram } from "./scenario.js";

let handle: DatabaseHandle;
let program: Program;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ program } = await buildHandProgram(handle.db));
});
afterAll(() => handle.close());

async function total(key = "2024-05", kind: PeriodKind = "month") {
  const overview = await getProgramOverview(handle.db, {
    program,
    period: parsePeriodKey(kind, key)!,
  });
  const out: Record<string, MetricValue> = {};
  for (const m of overview.total) out[m.definition.id] = m.value;
  return out;
}

// Active on April 30: A, B, C, E. On May 31: A, B, C, D, G (E ended
// May 20, F joins June 1).
describe("the program's May, worked out by hand", () => {
  it("grows by the partners who joined and left", async () => {
    expect((await total()).ecosystem_expansion_rate).toBe(0.25);
    // June: 5 at the start, F joins: 6.
    expect((await total("2024-06")).ecosystem_expansion_rate).toBe(0.2);
  });

  it("counts engaged, connected and integrated active partners", async () => {
    const may = await total();
    // A, B, C, D registered leads; G did nothing; E is gone.
    expect(may.ecosystem_engagement_score).toBe(0.8);
    // AB, AC, BC (activities and lead Two), AD (lead Dee), each once;
    // CE is out with E. 4 of 5 x 4 / 2 = 10 pairs.
    expect(may.partner_density_index).toBe(0.4);
    // A's key is live, B's was for two days of May, C's was revoked
    // in April, E's partner is gone: 2 of 5.
    expect(may.digital_integration_level).toBe(0.4);
    // A 1000 + B 500; E's 300 left with E.
    expect(may.network_reach).toBe(1500);
  });

  it("compares co-sold wins with single-partner ones", async () => {
    // (600.00 + 300.00) / 2 against (300.00 + 100.00 + 200.00) / 3.
    expect((await total()).network_value_multiplier).toBe(2.25);
  });

  it("counts an activity with several partners once", async () => {
    const may = await total();
    expect(may.joint_activity_level).toBe(2);
    expect(may.communication_frequency).toBe(3);
    expect(may.innovation_output).toBe(1);
    expect(may.innovation_velocity).toBe(3);
    const q2 = await total("2024-Q2", "quarter");
    // Q2 adds the business review of April 30.
    expect(q2.communication_frequency).toBe(4 / 3);
    expect(q2.innovation_velocity).toBe(1);
  });

  it("keeps the program's own measures apart from partners'", async () => {
    const may = await total();
    expect(may.reputation_index).toBe(7.5);
    expect(may.knowledge_capital_growth).toBe(0.05);
    // Only A recorded savings: a partner's saving is not the program's.
    expect(may.cost_savings).toBeNull();
  });

  it("adds every partner's costs, customers and ratings", async () => {
    const may = await total();
    // (500.01 + 50.00) / 5 customers = 110.002 -> 110.00.
    expect(may.cac_via_partner).toBe(110_00n);
    // Partner side: 10, 9, 7, 3 (A) and 0 (E, rated before leaving).
    expect(may.partner_satisfaction_score).toBe(5.8);
    expect(may.partner_nps).toBe(0);
    expect(may.communication_quality).toBe(3);
    // 0.5, 1.5, 2, 3, 10, 24 hours over every lead: 2.5.
    expect(may.lead_response_hours).toBe(2.5);
  });
});
