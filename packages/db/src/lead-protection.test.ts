import { and, eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client.js";
import { addLeadComment, listLeadComments } from "./lead-comments.js";
import { listDecisionInbox } from "./lead-inbox.js";
import { protectionDaysLeft, sweepLeadProtection } from "./lead-protection.js";
import {
  changeLeadStatus,
  getLead,
  listLeadEvents,
  registerLead,
} from "./leads.js";
import { getProgram, programToday } from "./programs.js";
import { auditEvents, notifications } from "./schema/index.js";
import { updateLeadRules } from "./settings.js";
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
  await updateLeadRules(handle.db, {
    programId: t.acme.id,
    actorId: t.users.ownerAdmin.id,
    protectionDays: 10,
    decisionSlaDays: 2,
  });
});
afterAll(() => handle.close());

const at = (iso: string) => Temporal.Instant.from(iso);

async function registerAt(company: string, now: Temporal.Instant) {
  return registerLead(handle.db, {
    programId: t.acme.id,
    partnerId: t.alpha.id,
    actorId: t.users.alphaUser.id,
    lead: {
      company,
      contactName: "Sam",
      contactEmail: `sam@${company.toLowerCase().replaceAll(" ", "")}.example`,
      estimatedValueMinor: null,
      notes: null,
    },
    now,
  });
}

async function noticesFor(userId: number, leadId: number, kind: string) {
  const rows = await handle.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.link, `/leads/${leadId}`),
      ),
    );
  return rows.filter((n) => n.kind === kind);
}

describe("protection of an accepted lead", () => {
  it("counts down in the program's zone, warns once, then expires", async () => {
    const { db } = handle;
    // 23:30 on March 30 in Los Angeles; already March 31 in UTC.
    const acceptedAt = at("2024-03-31T06:30:00Z");
    const lead = await registerAt("Blue Yonder", acceptedAt);
    const accepted = await changeLeadStatus(db, {
      programId: t.acme.id,
      leadId: lead.id,
      actorId: t.users.ownerStaff.id,
      change: { to: "accepted" },
      now: acceptedAt,
    });
    expect(accepted.ok && accepted.value.acceptedOn).toBe("2024-03-30");
    expect(accepted.ok && accepted.value.protectedUntil).toBe("2024-04-09");

    const today = (iso: string) => programToday(t.acme, at(iso));
    const held = { status: "accepted", protectedUntil: "2024-04-09" };
    expect(protectionDaysLeft(held, today("2024-04-09T06:30:00Z"))).toBe(1);
    expect(protectionDaysLeft(held, today("2024-04-09T07:30:00Z"))).toBe(0);
    expect(
      protectionDaysLeft({ ...held, status: "won" }, "2024-04-01"),
    ).toBeNull();

    expect(
      await sweepLeadProtection(db, { now: at("2024-04-01T12:00:00Z") }),
    ).toEqual({ expired: 0, warned: 0 });
    // April 2 in Los Angeles: 7 days left.
    const warned = await sweepLeadProtection(db, {
      now: at("2024-04-02T12:00:00Z"),
    });
    expect(warned).toEqual({ expired: 0, warned: 1 });
    expect(
      await sweepLeadProtection(db, { now: at("2024-04-03T12:00:00Z") }),
    ).toEqual({ expired: 0, warned: 0 });
    const warnings = await noticesFor(
      t.users.alphaUser.id,
      lead.id,
      "lead_expiring",
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.body).toContain("in 7 days");
    expect(
      await noticesFor(t.users.ownerStaff.id, lead.id, "lead_expiring"),
    ).toHaveLength(1);

    // 23:30 on April 9 in Los Angeles: still its last protected day,
    // though UTC is on April 10.
    const lastEvening = at("2024-04-10T06:30:00Z");
    expect(await sweepLeadProtection(db, { now: lastEvening })).toEqual({
      expired: 0,
      warned: 0,
    });
    const nextMorning = at("2024-04-10T07:30:00Z");
    const [one, two] = await Promise.all([
      sweepLeadProtection(db, { now: nextMorning }),
      sweepLeadProtection(db, { now: nextMorning }),
    ]);
    expect(one!.expired + two!.expired).toBe(1);
    expect(await sweepLeadProtection(db, { now: nextMorning })).toEqual({
      expired: 0,
      warned: 0,
    });

    const after = await getLead(db, { programId: t.acme.id, leadId: lead.id });
    expect(after!.status).toBe("expired");
    const history = await listLeadEvents(db, {
      programId: t.acme.id,
      leadId: lead.id,
    });
    expect(history.at(-1)).toMatchObject({
      fromStatus: "accepted",
      toStatus: "expired",
      effectiveOn: "2024-04-10",
      actorName: null,
    });
    expect(
      await noticesFor(t.users.alphaUser.id, lead.id, "lead_decided"),
    ).toHaveLength(2);
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.kind, "lead.expired"),
          eq(auditEvents.subjectId, lead.id),
        ),
      );
    expect(audit!.actorId).toBeNull();

    const renewed = await changeLeadStatus(db, {
      programId: t.acme.id,
      leadId: lead.id,
      actorId: t.users.ownerStaff.id,
      change: { to: "accepted", reason: "Back in talks" },
      now: at("2024-04-12T18:00:00Z"),
    });
    expect(renewed.ok && renewed.value.protectedUntil).toBe("2024-04-22");
    expect(renewed.ok && renewed.value.expiryWarnedAt).toBeNull();
  });

  it("ends protection by winning or losing, not by the clock", async () => {
    const { db } = handle;
    const now = at("2024-06-01T18:00:00Z");
    const lead = await registerAt("Trey Research", now);
    await changeLeadStatus(db, {
      programId: t.acme.id,
      leadId: lead.id,
      actorId: t.users.ownerStaff.id,
      change: { to: "accepted" },
      now,
    });
    await changeLeadStatus(db, {
      programId: t.acme.id,
      leadId: lead.id,
      actorId: t.users.ownerStaff.id,
      change: { to: "lost", closedOn: "2024-06-05" },
      now: at("2024-06-05T18:00:00Z"),
    });
    await sweepLeadProtection(db, { now: at("2024-08-01T18:00:00Z") });
    const after = await getLead(db, { programId: t.acme.id, leadId: lead.id });
    expect(after!.status).toBe("lost");
  });
});

describe("the decision inbox", () => {
  it("lists waiting leads oldest first and marks those past the service level", async () => {
    const { db } = handle;
    const old = await registerAt("Old Mill", at("2025-01-01T20:00:00Z"));
    const recent = await registerAt("New Dawn", at("2025-01-04T20:00:00Z"));
    const decided = await registerAt("Done Deal", at("2025-01-01T20:00:00Z"));
    await changeLeadStatus(db, {
      programId: t.acme.id,
      leadId: decided.id,
      actorId: t.users.ownerStaff.id,
      change: { to: "rejected", reason: "No" },
    });
    const program = await getProgram(db, t.acme.id);
    const inbox = await listDecisionInbox(db, {
      programId: t.acme.id,
      // 2025-01-05 07:30 UTC is still January 4 in Los Angeles.
      today: programToday(program!, at("2025-01-05T07:30:00Z")),
      slaDays: program!.decisionSlaDays,
    });
    const ids = inbox.leads.map((l) => l.id);
    expect(ids).not.toContain(decided.id);
    expect(ids.indexOf(old.id)).toBeLessThan(ids.indexOf(recent.id));
    const row = (id: number) => inbox.leads.find((l) => l.id === id)!;
    expect(row(old.id)).toMatchObject({ daysWaiting: 3, overdue: true });
    expect(row(recent.id)).toMatchObject({ daysWaiting: 0, overdue: false });
    expect(inbox.overdue).toBe(
      inbox.leads.filter((l) => l.daysWaiting > 2).length,
    );

    // A short page holds the oldest; the totals still count them all.
    const page = await listDecisionInbox(db, {
      programId: t.acme.id,
      today: programToday(program!, at("2025-01-05T07:30:00Z")),
      slaDays: program!.decisionSlaDays,
      limit: 1,
    });
    expect(page.leads.map((l) => l.id)).toEqual([ids[0]]);
    expect(page).toMatchObject({
      total: inbox.total,
      overdue: inbox.overdue,
    });
    expect(inbox.total).toBeGreaterThan(1);
  });
});

describe("comments on a lead", () => {
  it("are seen by both sides and tell the other side only", async () => {
    const { db } = handle;
    const lead = await registerAt(
      "Graphic Design Institute",
      at("2025-02-01T18:00:00Z"),
    );
    const fromPartner = await addLeadComment(db, {
      programId: t.acme.id,
      leadId: lead.id,
      partnerId: t.alpha.id,
      authorId: t.users.alphaUser.id,
      body: "They want a demo next week.",
    });
    expect(fromPartner.ok).toBe(true);
    const fromOwner = await addLeadComment(db, {
      programId: t.acme.id,
      leadId: lead.id,
      partnerId: null,
      authorId: t.users.ownerStaff.id,
      body: "Booked for Tuesday.",
    });
    expect(fromOwner.ok).toBe(true);
    const comments = await listLeadComments(db, {
      programId: t.acme.id,
      leadId: lead.id,
    });
    expect(comments.map((c) => [c.authorName, c.body])).toEqual([
      ["ann", "They want a demo next week."],
      ["staff", "Booked for Tuesday."],
    ]);
    expect(
      await noticesFor(t.users.ownerStaff.id, lead.id, "lead_commented"),
    ).toHaveLength(1);
    expect(
      await noticesFor(t.users.alphaUser.id, lead.id, "lead_commented"),
    ).toHaveLength(1);
    expect(
      await noticesFor(t.users.alphaAdmin.id, lead.id, "lead_commented"),
    ).toHaveLength(1);

    const fromBeta = await addLeadComment(db, {
      programId: t.acme.id,
      leadId: lead.id,
      partnerId: t.beta.id,
      authorId: t.users.betaUser.id,
      body: "sneaky",
    });
    expect(fromBeta).toMatchObject({ ok: false, error: "not_found" });
    const fromOtherProgram = await addLeadComment(db, {
      programId: t.other.id,
      leadId: lead.id,
      partnerId: null,
      authorId: t.users.otherStaff.id,
      body: "sneaky",
    });
    expect(fromOtherProgram).toMatchObject({ ok: false, error: "not_found" });
    expect(
      await listLeadComments(db, { programId: t.acme.id, leadId: lead.id }),
    ).toHaveLength(2);
  });
});
