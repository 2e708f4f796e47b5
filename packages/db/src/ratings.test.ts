import { parsePeriodKey, type MetricValue } from "@tandem/metrics";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client.js";
import { setRatingCadence } from "./rating-cadence.js";
import { listRatings, rateRelationship } from "./ratings.js";
import { getProgram } from "./programs.js";
import { getPartnerScorecard } from "./scorecards.js";
import {
  openTestDatabase,
  seedTenants,
  type Tenants,
} from "./testing/index.js";

let handle: DatabaseHandle;
let t: Tenants;

beforeAll(async () => {
  handle = await openTestDatabase();
  t = await seedTenants(handle.db);
});
afterAll(() => handle.close());

/** Noon UTC of a day: the same day in every seeded program's zone. */
const noon = (day: string) => Temporal.Instant.from(`${day}T12:00:00Z`);

async function ownerRates(
  user: "ownerAdmin" | "ownerStaff",
  partner: "alpha" | "beta",
  score: number,
  day: string,
) {
  await rateRelationship(handle.db, {
    programId: t.acme.id,
    partnerId: t[partner].id,
    side: "owner",
    userId: t.users[user].id,
    score,
    comment: null,
    dimensions: { communication: score > 5 ? 5 : 1 },
    now: noon(day),
  });
}

async function owners(partner: "alpha" | "beta", kind: string, key: string) {
  const program = (await getProgram(handle.db, t.acme.id))!;
  const card = await getPartnerScorecard(handle.db, {
    program,
    partner: t[partner],
    period: parsePeriodKey(kind as "month", key)!,
  });
  const out: Record<string, MetricValue> = {};
  for (const m of card.metrics) out[m.definition.id] = m.value;
  return [out.owner_satisfaction_score, out.communication_quality];
}

describe("a person's ratings within one cadence period", () => {
  it("counts only the later of two the same day, keeping both listed", async () => {
    await ownerRates("ownerAdmin", "alpha", 7, "2025-02-03");
    await ownerRates("ownerStaff", "alpha", 8, "2025-02-10");
    expect(await owners("alpha", "month", "2025-02")).toEqual([7.5, 5]);
    await ownerRates("ownerStaff", "alpha", 3, "2025-02-10");
    // 7 (admin) and 3 (staff's latest); communication 5 and 1.
    expect(await owners("alpha", "month", "2025-02")).toEqual([5, 3]);
    const listed = await listRatings(handle.db, {
      programId: t.acme.id,
      partnerId: t.alpha.id,
    });
    expect(listed.map((r) => r.score)).toEqual([3, 8, 7]);
  });

  it("replaces across months of a quarter, not across quarters", async () => {
    await ownerRates("ownerStaff", "beta", 9, "2025-03-31");
    await ownerRates("ownerStaff", "beta", 2, "2025-04-01");
    await ownerRates("ownerStaff", "beta", 4, "2025-05-15");
    // Q1 keeps its 9; in Q2 the 4 of May replaced the 2 of April, but
    // April on its own still shows its 2.
    expect(await owners("beta", "quarter", "2025-Q1")).toEqual([9, 5]);
    expect(await owners("beta", "month", "2025-04")).toEqual([2, 1]);
    expect(await owners("beta", "quarter", "2025-Q2")).toEqual([4, 1]);
  });

  it("follows the cadence: monthly keeps each month, off keeps all", async () => {
    const set = (cadence: "month" | "off") =>
      setRatingCadence(handle.db, {
        programId: t.acme.id,
        cadence,
        actorId: t.users.ownerAdmin.id,
      });
    await set("month");
    // April's 2 is its month's only rating now; May has the 4.
    expect(await owners("beta", "quarter", "2025-Q2")).toEqual([3, 1]);
    expect(await owners("alpha", "month", "2025-02")).toEqual([5, 3]);
    await set("off");
    // Every rating: 2 and 4 in Q2; 7, 8, 3 in February.
    expect(await owners("beta", "quarter", "2025-Q2")).toEqual([3, 1]);
    expect(await owners("alpha", "month", "2025-02")).toEqual([6, 11 / 3]);
  });
});
