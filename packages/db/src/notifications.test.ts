import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "./audit.js";
import type { DatabaseHandle } from "./client.js";
import {
  notifyPeople,
  ownerPeopleOf,
  partnerPeopleOf,
} from "./notifications.js";
import { removeMember } from "./people.js";
import {
  auditEvents,
  memberships,
  notificationPreferences,
  notifications,
  outboxMessages,
} from "./schema/index.js";
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

describe("who is told", () => {
  it("finds a program's owner people and one partner's people only", async () => {
    const { db } = handle;
    const owners = await ownerPeopleOf(db, t.acme.id);
    expect(owners.sort()).toEqual(
      [t.users.ownerAdmin.id, t.users.ownerStaff.id].sort(),
    );
    expect((await partnerPeopleOf(db, t.acme.id, t.alpha.id)).sort()).toEqual(
      [t.users.alphaUser.id, t.users.alphaAdmin.id].sort(),
    );
    expect(await partnerPeopleOf(db, t.acme.id, t.omega.id)).toEqual([]);
  });

  it("tells each person in the portal and by mail unless they turned it off", async () => {
    const { db } = handle;
    await db.insert(notificationPreferences).values({
      programId: t.acme.id,
      userId: t.users.ownerStaff.id,
      kind: "lead_submitted",
      channel: "email",
      enabled: false,
    });
    await db.transaction((tx) =>
      notifyPeople(tx, {
        programId: t.acme.id,
        kind: "lead_submitted",
        userIds: [t.users.ownerAdmin.id, t.users.ownerStaff.id],
        title: "New lead from Alpha",
        body: "Alpha registered a lead.",
        link: "/leads/1",
      }),
    );
    const shown = await db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.kind, "lead_submitted"));
    expect(shown.map((row) => row.userId).sort()).toEqual(
      [t.users.ownerAdmin.id, t.users.ownerStaff.id].sort(),
    );
    const mailed = await db
      .select({ to: outboxMessages.toAddress, text: outboxMessages.textBody })
      .from(outboxMessages);
    expect(mailed).toEqual([
      {
        to: t.users.ownerAdmin.email,
        text: "Alpha registered a lead.\n\n/leads/1",
      },
    ]);
  });

  it("writes nothing when the change rolls back", async () => {
    const { db } = handle;
    const before = await db.select().from(auditEvents);
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, {
          programId: t.acme.id,
          actorId: t.users.ownerStaff.id,
          kind: "lead.decided",
          summary: "Accepted a lead",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.select().from(auditEvents)).toEqual(before);
  });
});

describe("leaving a program", () => {
  it("takes the person's notifications of that program with them", async () => {
    const { db } = handle;
    const tell = (programId: number, userIds: number[]) =>
      db.transaction((tx) =>
        notifyPeople(tx, {
          programId,
          kind: "review_opened",
          userIds,
          title: "Review of Beta opened",
          body: "A review opened.",
          link: null,
        }),
      );
    await tell(t.acme.id, [t.users.betaUser.id, t.users.ownerStaff.id]);
    const count = async (userId: number) =>
      (
        await db
          .select()
          .from(notifications)
          .where(eq(notifications.userId, userId))
      ).length;
    const staffBefore = await count(t.users.ownerStaff.id);
    expect(await count(t.users.betaUser.id)).toBeGreaterThan(0);

    const [membership] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(eq(memberships.userId, t.users.betaUser.id));
    const removed = await removeMember(db, {
      programId: t.acme.id,
      actorId: t.users.ownerAdmin.id,
      membershipId: membership!.id,
    });
    expect(removed.ok).toBe(true);
    expect(await count(t.users.betaUser.id)).toBe(0);
    // Everyone else's stay.
    expect(await count(t.users.ownerStaff.id)).toBe(staffBefore);
  });
});
