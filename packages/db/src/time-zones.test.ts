import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriodKey } from "@tandem/metrics";
import { addMembership, createUser } from "./auth.js";
import type { DatabaseHandle } from "./client.js";
import { changeLeadStatus, registerLead } from "./leads.js";
import { createPartner, createProgram, programToday } from "./programs.js";
import { setRatingCadence } from "./rating-cadence.js";
import { rateRelationship } from "./ratings.js";
import { getPartnerScorecard } from "./scorecards.js";
import { openTestDatabase, TEST_PASSWORD } from "./testing/index.js";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

/** The instant a wall clock in `zone` shows `local`. */
const at = (zone: string, local: string) =>
  Temporal.PlainDateTime.from(local).toZonedDateTime(zone).toInstant();

/**
 * West of UTC, 23:30 on January 31 is already February in UTC; east of
 * it, 00:30 on February 1 is still January in UTC. Each must land in
 * its own local month, whatever the server's zone.
 */
describe.each([
  ["America/Los_Angeles", "la"],
  ["Pacific/Auckland", "akl"],
])("a program in %s", (timeZone, slug) => {
  it("books day-end events in the month they happened", async () => {
    const { db } = handle;
    const program = await createProgram(db, {
      name: `Zone ${slug}`,
      timeZone,
      currency: "USD",
    });
    const partner = await createPartner(db, {
      programId: program.id,
      name: "Night Owl",
    });
    const member = async (role: "owner_staff" | "partner_user") => {
      const user = await createUser(db, {
        email: `${role}@${slug}.test`,
        name: role,
        password: TEST_PASSWORD,
      });
      const partnerId = role === "partner_user" ? partner.id : null;
      await addMembership(db, {
        programId: program.id,
        userId: user.id,
        role,
        partnerId,
      });
      return user.id;
    };
    const staff = await member("owner_staff");
    const partnerUser = await member("partner_user");
    const lastEvening = at(timeZone, "2024-01-31T23:30");
    const firstNight = at(timeZone, "2024-02-01T00:30");

    const register = (company: string, now: Temporal.Instant) =>
      registerLead(db, {
        programId: program.id,
        partnerId: partner.id,
        actorId: partnerUser,
        lead: {
          company,
          contactName: "Pat",
          contactEmail: "pat@example.test",
          estimatedValueMinor: null,
          notes: null,
        },
        now,
      });
    const win = async (
      leadId: number,
      amount: bigint,
      now: Temporal.Instant,
    ) => {
      const change = (c: Parameters<typeof changeLeadStatus>[1]["change"]) =>
        changeLeadStatus(db, {
          programId: program.id,
          leadId,
          actorId: staff,
          change: c,
          now,
        });
      expect((await change({ to: "accepted" })).ok).toBe(true);
      const closedOn = programToday(program, now);
      const won = await change({ to: "won", amountMinor: amount, closedOn });
      expect(won.ok).toBe(true);
    };

    const early = at(timeZone, "2024-01-10T12:00");
    const january = await register("Januar AG", early);
    const february = await register("Februar AG", early);
    await register("Late Ltd", lastEvening);
    await register("Early Ltd", firstNight);
    await win(january.id, 100_00n, lastEvening);
    await win(february.id, 300_00n, firstNight);
    const rate = (score: number, now: Temporal.Instant) =>
      rateRelationship(db, {
        programId: program.id,
        partnerId: partner.id,
        side: "partner",
        userId: partnerUser,
        score,
        comment: null,
        now,
      });
    // Monthly, so the one person's two ratings are of different periods
    // (within a quarter the later would replace the earlier).
    await setRatingCadence(db, {
      programId: program.id,
      cadence: "month",
      actorId: staff,
    });
    await rate(8, lastEvening);
    await rate(4, firstNight);

    const card = await getPartnerScorecard(db, {
      program,
      partner,
      period: parsePeriodKey("month", "2024-02")!,
    });
    const metric = (id: string) => {
      const m = card.metrics.find((r) => r.definition.id === id)!;
      return [m.previous, m.value];
    };
    // [January, February]
    expect(metric("leads_generated")).toEqual([3, 1]);
    expect(metric("avg_deal_size")).toEqual([100_00n, 300_00n]);
    expect(metric("direct_revenue")).toEqual([100_00n, 300_00n]);
    expect(metric("new_customers")).toEqual([1, 1]);
    expect(metric("partner_satisfaction_score")).toEqual([8, 4]);
  });
});
