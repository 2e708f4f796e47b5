import { and, eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client.js";
import { setNotificationPreferences } from "./notification-centre.js";
import { updatePartnerAttributes } from "./partner-attributes.js";
import {
  getRatingStatus,
  sendRatingReminders,
  setRatingCadence,
} from "./rating-cadence.js";
import { rateRelationship } from "./ratings.js";
import { getProgram } from "./programs.js";
import { auditEvents, notifications, outboxMessages } from "./schema/index.js";
import {
  openTestDatabase,
  seedTenants,
  type Tenants,
} from "./testing/index.js";
import { NOTIFICATION_KINDS } from "./values.js";

let handle: DatabaseHandle;
let t: Tenants;

// 2024-05-10 noon in Los Angeles and in Berlin: Q2 2024 in both.
const may = Temporal.Instant.from("2024-05-10T19:00:00Z");
const june = Temporal.Instant.from("2024-06-20T19:00:00Z");
const july = Temporal.Instant.from("2024-07-02T19:00:00Z");

beforeAll(async () => {
  handle = await openTestDatabase();
  t = await seedTenants(handle.db);
  for (const p of [t.alpha, t.beta]) {
    await updatePartnerAttributes(handle.db, {
      actorId: null,
      programId: t.acme.id,
      partnerId: p.id,
      attributes: { joinedOn: "2024-01-01" },
    });
  }
  await updatePartnerAttributes(handle.db, {
    actorId: null,
    programId: t.other.id,
    partnerId: t.omega.id,
    attributes: { joinedOn: "2024-01-01" },
  });
});
afterAll(() => handle.close());

async function dueNotices(userId: number) {
  return handle.db
    .select({ title: notifications.title, link: notifications.link })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.kind, "rating_due"),
      ),
    );
}

describe("rating reminders", () => {
  it("tells each side once per period, from several sweeps at once", async () => {
    const { db } = handle;
    await rateRelationship(db, {
      programId: t.acme.id,
      partnerId: t.beta.id,
      side: "partner",
      userId: t.users.betaUser.id,
      score: 7,
      comment: null,
      now: may,
    });
    const runs = await Promise.all([
      sendRatingReminders(db, { now: may }),
      sendRatingReminders(db, { now: may }),
      sendRatingReminders(db, { now: may }),
    ]);
    // Acme: alpha owner+partner, beta owner; Other: omega owner+partner.
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(5);
    expect((await sendRatingReminders(db, { now: june })).sent).toBe(0);

    const ann = await dueNotices(t.users.alphaUser.id);
    expect(ann).toEqual([
      {
        title: "Time to rate your partnership with Acme Partners",
        link: `/partners/${t.alpha.id}/scorecard#ratings`,
      },
    ]);
    expect(await dueNotices(t.users.betaUser.id)).toEqual([]);
    const staff = await dueNotices(t.users.ownerStaff.id);
    expect(staff.map((n) => n.title).sort()).toEqual([
      "Time to rate your partnership with Alpha",
      "Time to rate your partnership with Beta",
    ]);
    // Nothing of Acme reaches Other's people.
    const olga = await dueNotices(t.users.otherStaff.id);
    expect(olga.map((n) => n.title)).toEqual([
      "Time to rate your partnership with Omega",
    ]);
  });

  it("says per side what is due, and starts again next period", async () => {
    const { db } = handle;
    const program = (await getProgram(db, t.acme.id))!;
    const status = await getRatingStatus(db, {
      program,
      partnerId: t.beta.id,
      now: june,
    });
    expect(status).toMatchObject({
      period: { key: "2024-Q2" },
      sides: {
        owner: { ratedOn: null, due: true },
        partner: { ratedOn: "2024-05-10", due: false },
      },
    });
    const next = await getRatingStatus(db, {
      program,
      partnerId: t.beta.id,
      now: july,
    });
    expect(next!.sides.partner).toEqual({ ratedOn: null, due: true });
  });

  it("honours a person's choice to be told by mail or not at all", async () => {
    const { db } = handle;
    const settings = Object.fromEntries(
      NOTIFICATION_KINDS.map((k) => [k, { portal: true, email: true }]),
    ) as Parameters<typeof setNotificationPreferences>[1]["settings"];
    settings.rating_due = { portal: false, email: false };
    await setNotificationPreferences(db, {
      programId: t.acme.id,
      userId: t.users.alphaAdmin.id,
      settings,
    });
    const before = await dueNotices(t.users.alphaAdmin.id);
    const mailsBefore = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.userId, t.users.alphaAdmin.id));
    expect((await sendRatingReminders(db, { now: july })).sent).toBe(6);
    expect(await dueNotices(t.users.alphaAdmin.id)).toEqual(before);
    const mailsAfter = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.userId, t.users.alphaAdmin.id));
    expect(mailsAfter).toEqual(mailsBefore);
    expect(await dueNotices(t.users.alphaUser.id)).toHaveLength(2);
  });

  it("sends nothing when the cadence is off or the partnership has ended", async () => {
    const { db } = handle;
    await setRatingCadence(db, {
      programId: t.other.id,
      cadence: "off",
      actorId: t.users.otherStaff.id,
    });
    await updatePartnerAttributes(db, {
      actorId: null,
      programId: t.acme.id,
      partnerId: t.beta.id,
      attributes: { endedOn: "2024-09-01" },
    });
    const october = Temporal.Instant.from("2024-10-02T19:00:00Z");
    expect((await sendRatingReminders(db, { now: october })).sent).toBe(2);
    const audit = await db
      .select({ kind: auditEvents.kind })
      .from(auditEvents)
      .where(eq(auditEvents.programId, t.other.id));
    expect(audit.map((a) => a.kind)).toContain("program.rating_cadence_set");
  });
});
