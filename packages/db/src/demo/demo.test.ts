import { describe, expect, it } from "vitest";
import { openTestDatabase, revenueMonthsApart } from "../testing/index.js";
import { listPartners } from "../programs.js";
import { parsePeriodKey } from "@tandem/metrics";
import { getProgram } from "../programs.js";
import {
  countLeadsByStatus,
  getProgramFacts,
  getProgramOverview,
} from "../scorecards.js";
import { verifyLogin } from "../auth.js";
import { loadDemoProgram, DEMO_PASSWORD } from "./index.js";

async function demoSummary(today: string) {
  const handle = await openTestDatabase();
  try {
    const signIns = await loadDemoProgram(handle.db, { today });
    const programId = 1;
    const partners = await listPartners(handle.db, { programId });
    const counts = await countLeadsByStatus(handle.db, { programId });
    const year = await getProgramFacts(handle.db, {
      programId,
      start: "2025-12-03",
      end: "2026-12-04",
    });
    const program = (await getProgram(handle.db, programId))!;
    const overview = await getProgramOverview(handle.db, {
      program,
      period: parsePeriodKey("quarter", "2026-Q3")!,
    });
    const filled = overview.total
      .filter((m) => m.value !== null)
      .map((m) => m.definition.id);
    const owner = await verifyLogin(handle.db, {
      email: signIns.owner,
      password: DEMO_PASSWORD,
    });
    const partner = await verifyLogin(handle.db, {
      email: signIns.partner,
      password: DEMO_PASSWORD,
    });
    return {
      monthsApart: await revenueMonthsApart(handle.db),
      partners: partners.length,
      counts,
      year,
      filled,
      owner: !!owner,
      partner: !!partner,
    };
  } finally {
    await handle.close();
  }
}

describe("the demo program", () => {
  it("is plausible and the same every time for the same day", async () => {
    const first = await demoSummary("2026-12-03");
    const second = await demoSummary("2026-12-03");
    expect(second).toEqual(first);
    expect(first.monthsApart).toEqual([]);
    expect(first.partners).toBeGreaterThanOrEqual(20);
    const total = Object.values(first.counts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(1000);
    // A year of leads, all registered within it; some of each status.
    expect(first.year.leadsRegistered).toBe(total);
    for (const n of Object.values(first.counts)) expect(n).toBeGreaterThan(0);
    expect(first.year.revenueMinor).toBeGreaterThan(0n);
    expect(first.year.partnerRatingCount).toBeGreaterThan(100);
    expect(first.owner && first.partner).toBe(true);
    // Every metric with an event source has data in the demo.
    for (const id of [
      "partner_cltv",
      "customer_retention_rate",
      "cac_via_partner",
      "joint_activity_level",
      "partner_density_index",
      "network_value_multiplier",
      "ecosystem_expansion_rate",
      "ecosystem_health_index",
      "reputation_index",
    ]) {
      expect(first.filled).toContain(id);
    }
  }, 120_000);
});
