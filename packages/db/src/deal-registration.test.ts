import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client.js";
import {
  decideConflict,
  getReviewReason,
  listConflictSides,
  listLaterConflicts,
} from "./lead-conflicts.js";
import {
  changeLeadStatus,
  checkRegistration,
  getLead,
  listLeadEvents,
  registerLead,
  type NewLead,
} from "./leads.js";
import {
  auditEvents,
  customers,
  leadMatches,
  notifications,
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

const base = { contactName: "Dana", estimatedValueMinor: null, notes: null };

function register(
  partner: "alpha" | "beta",
  lead: Omit<NewLead, keyof typeof base>,
) {
  return registerLead(handle.db, {
    programId: t.acme.id,
    partnerId: t[partner].id,
    actorId: partner === "alpha" ? t.users.alphaUser.id : t.users.betaUser.id,
    lead: { ...base, ...lead },
  });
}

async function noticesOf(userId: number, leadId: number) {
  return handle.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.link, `/leads/${leadId}`),
      ),
    );
}

describe("matching a registration", () => {
  it("matches a company name without case, punctuation or legal form", async () => {
    await register("alpha", {
      company: "Northwind Traders, Inc.",
      contactEmail: "ann@northwind.example",
    });
    const second = await register("beta", {
      company: "NORTHWIND  traders L.L.C.",
      contactEmail: "bo@nw-mail.example",
    });
    expect(second.outcome).toBe("conflict");
    expect(second.status).toBe("under_review");
    expect(second.matches).toEqual([
      expect.objectContaining({ kind: "other_partner", rules: ["name"] }),
    ]);
  });

  it("matches the company's domain from a website or the contact's email", async () => {
    await register("alpha", {
      company: "Contoso",
      contactEmail: "kim@contoso.example",
    });
    const byWebsite = await register("beta", {
      company: "Contoso Pharmaceuticals Europe",
      contactEmail: "eu-lead@contoso-eu.example",
      companyDomain: "www.contoso.example",
    });
    expect(byWebsite.matches.map((m) => m.rules)).toEqual([["domain"]]);
    const byEmail = await register("beta", {
      company: "Contoso Holdings",
      contactEmail: "someone.else@CONTOSO.example",
    });
    expect(byEmail.outcome).toBe("conflict");
    expect(byEmail.matches[0]!.rules).toEqual(["domain"]);
  });

  it("matches the same contact email without regard to case", async () => {
    await register("alpha", {
      company: "Fabrikam",
      contactEmail: "Lee@Fabrikam.example",
    });
    const again = await register("beta", {
      company: "Fabricam Group",
      contactEmail: "lee@fabrikam.EXAMPLE",
    });
    expect(again.matches[0]!.rules).toEqual(["domain", "email"]);
  });

  it("does not match different companies with public mail addresses", async () => {
    await register("alpha", {
      company: "Sunrise Bakery",
      contactEmail: "sunrise.bakery@gmail.com",
    });
    const other = await register("beta", {
      company: "Blue River Plumbing",
      contactEmail: "blueriver@gmail.com",
    });
    expect(other.outcome).toBe("new");
    expect(other.status).toBe("submitted");
    expect(other.matches).toEqual([]);
  });

  it("ignores rejected and lost leads and churned customers", async () => {
    const old = await register("alpha", {
      company: "Tailspin Toys",
      contactEmail: "t@tailspin.example",
    });
    await changeLeadStatus(handle.db, {
      programId: t.acme.id,
      leadId: old.id,
      actorId: t.users.ownerStaff.id,
      change: { to: "rejected", reason: "Not a fit" },
    });
    await handle.db.insert(customers).values({
      programId: t.acme.id,
      partnerId: null,
      name: "Tailspin Toys Ltd",
      acquiredOn: "2020-01-01",
      churnedOn: "2021-01-01",
    });
    const fresh = await register("beta", {
      company: "Tailspin Toys",
      contactEmail: "t@tailspin.example",
    });
    expect(fresh.outcome).toBe("new");
  });

  it("calls the partner's own earlier lead a possible duplicate", async () => {
    await register("alpha", {
      company: "Wide World Importers",
      contactEmail: "a@wideworld.example",
    });
    const check = await checkRegistration(handle.db, {
      programId: t.acme.id,
      partnerId: t.alpha.id,
      lead: {
        ...base,
        company: "Wide World Importers GmbH",
        contactEmail: "b@wwi-mail.example",
      },
    });
    expect(check.outcome).toBe("duplicate");
    expect(check.ownLeads.map((l) => l.company)).toEqual([
      "Wide World Importers",
    ]);
    const confirmed = await register("alpha", {
      company: "Wide World Importers GmbH",
      contactEmail: "b@wwi-mail.example",
    });
    expect(confirmed.outcome).toBe("duplicate");
    expect(confirmed.status).toBe("submitted");
  });

  it("puts a registration of an existing customer under review", async () => {
    await handle.db.insert(customers).values({
      programId: t.acme.id,
      partnerId: null,
      name: "Litware, Inc.",
      acquiredOn: "2023-05-01",
    });
    const lead = await register("alpha", {
      company: "Litware",
      contactEmail: "x@litware.example",
    });
    expect(lead.status).toBe("under_review");
    expect(
      await getReviewReason(handle.db, {
        programId: t.acme.id,
        leadId: lead.id,
      }),
    ).toBe("This company is already a customer.");
  });

  it("keeps programs apart", async () => {
    const lead = await registerLead(handle.db, {
      programId: t.other.id,
      partnerId: t.omega.id,
      actorId: t.users.omegaUser.id,
      lead: {
        ...base,
        company: "Northwind Traders",
        contactEmail: "ann@northwind.example",
      },
    });
    expect(lead.outcome).toBe("new");
  });
});

describe("deciding a conflict", () => {
  it("accepts one registration, rejects the other, and tells each partner only of its own", async () => {
    const { db } = handle;
    const first = await register("alpha", {
      company: "Proseware",
      contactEmail: "ceo@proseware.example",
    });
    const second = await register("beta", {
      company: "Proseware Ltd.",
      contactEmail: "cto@proseware.example",
    });
    expect(second.status).toBe("under_review");
    const sides = await listConflictSides(db, {
      programId: t.acme.id,
      leadId: second.id,
    });
    expect(sides).toHaveLength(1);
    expect(sides[0]!.lead).toMatchObject({
      id: first.id,
      partnerName: "Alpha",
      contactEmail: "ceo@proseware.example",
    });

    const notMatched = await decideConflict(db, {
      programId: t.acme.id,
      leadId: second.id,
      actorId: t.users.ownerStaff.id,
      decision: {
        accept: true,
        reason: null,
        rejectLeadIds: [first.id + 100000],
        otherReason: null,
      },
    });
    expect(notMatched).toMatchObject({ ok: false, error: "not_matched" });

    // Another program's staff aiming at this lead learn nothing of it.
    const elsewhere = await decideConflict(db, {
      programId: t.other.id,
      leadId: second.id,
      actorId: t.users.otherStaff.id,
      decision: {
        accept: true,
        reason: null,
        rejectLeadIds: [first.id],
        otherReason: null,
      },
    });
    expect(elsewhere).toMatchObject({ ok: false, error: "not_found" });

    const decided = await decideConflict(db, {
      programId: t.acme.id,
      leadId: second.id,
      actorId: t.users.ownerStaff.id,
      decision: {
        accept: true,
        reason: "Beta brought the meeting.",
        rejectLeadIds: [first.id],
        otherReason: "The customer chose another partner's offer.",
      },
    });
    expect(decided).toEqual({ ok: true, value: { rejected: [first.id] } });
    const won = await getLead(db, { programId: t.acme.id, leadId: second.id });
    const lost = await getLead(db, { programId: t.acme.id, leadId: first.id });
    expect(won!.status).toBe("accepted");
    expect(won!.protectedUntil).not.toBeNull();
    expect(lost!.status).toBe("rejected");
    const history = await listLeadEvents(db, {
      programId: t.acme.id,
      leadId: first.id,
    });
    expect(history.at(-1)).toMatchObject({
      fromStatus: "submitted",
      toStatus: "rejected",
      reason: "The customer chose another partner's offer.",
      actorName: "staff",
    });

    const alphaNotices = await noticesOf(t.users.alphaUser.id, first.id);
    expect(alphaNotices.map((n) => n.kind)).toEqual(["lead_decided"]);
    const text = JSON.stringify(alphaNotices);
    for (const secret of ["Beta", "cto@proseware", "Proseware Ltd"]) {
      expect(text).not.toContain(secret);
    }
    expect(
      (await noticesOf(t.users.betaUser.id, second.id)).map((n) => n.kind),
    ).toEqual(["lead_decided"]);
    const ownerNotices = await noticesOf(t.users.ownerStaff.id, second.id);
    expect(ownerNotices.map((n) => n.kind)).toEqual(["lead_submitted"]);
    expect(ownerNotices[0]!.title).toBe(
      "Registration to review: Proseware Ltd. from Beta",
    );

    const audit = await db
      .select({ kind: auditEvents.kind })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.subjectType, "lead"),
          inArray(auditEvents.subjectId, [first.id, second.id]),
        ),
      );
    expect(audit.map((a) => a.kind).sort()).toEqual([
      "lead.conflict_decided",
      "lead.decided",
      "lead.decided",
      "lead.registered",
      "lead.registered",
    ]);

    const again = await decideConflict(db, {
      programId: t.acme.id,
      leadId: second.id,
      actorId: t.users.ownerStaff.id,
      decision: { accept: false, reason: "Changed my mind" },
    });
    expect(again).toMatchObject({ ok: false, error: "invalid_transition" });
  });

  it("rejects a registration under review and leaves the other alone", async () => {
    const { db } = handle;
    const first = await register("alpha", {
      company: "Adventure Works",
      contactEmail: "a@adventure-works.example",
    });
    const second = await register("beta", {
      company: "Adventure Works",
      contactEmail: "b@adventure-works.example",
    });
    const decided = await decideConflict(db, {
      programId: t.acme.id,
      leadId: second.id,
      actorId: t.users.ownerStaff.id,
      decision: { accept: false, reason: "Alpha registered it first." },
    });
    expect(decided.ok).toBe(true);
    const other = await getLead(db, { programId: t.acme.id, leadId: first.id });
    expect(other!.status).toBe("submitted");
    const mine = await getLead(db, { programId: t.acme.id, leadId: second.id });
    expect(mine!.status).toBe("rejected");
    const matches = await db
      .select()
      .from(leadMatches)
      .where(eq(leadMatches.leadId, second.id));
    expect(matches).toHaveLength(1);
  });

  it("never lets two partners hold one company at once", async () => {
    const { db } = handle;
    const staff = t.users.ownerStaff.id;
    const scope = (leadId: number) => ({ programId: t.acme.id, leadId });
    const status = async (id: number) => (await getLead(db, scope(id)))!.status;
    const first = await register("alpha", {
      company: "Zebra Widgets GmbH",
      contactEmail: "z@zebrawidgets.example",
      companyDomain: "zebrawidgets.example",
    });
    const second = await register("beta", {
      company: "Zebra Widgets",
      contactEmail: "y@zebrawidgets.example",
      companyDomain: "https://www.ZebraWidgets.example/",
    });
    expect(second.status).toBe("under_review");
    // The earlier lead's page points staff to the decision waiting on it.
    expect(await listLaterConflicts(db, scope(first.id))).toEqual([
      { id: second.id, partnerName: "Beta" },
    ]);
    expect(await listLaterConflicts(db, scope(second.id))).toEqual([]);

    // Staff accept the earlier lead first: it now holds the company.
    const accepted = await changeLeadStatus(db, {
      ...scope(first.id),
      actorId: staff,
      change: { to: "accepted" },
    });
    expect(accepted.ok).toBe(true);
    const accept = (rejectLeadIds: number[]) =>
      decideConflict(db, {
        ...scope(second.id),
        actorId: staff,
        decision: {
          accept: true,
          reason: null,
          rejectLeadIds,
          otherReason: null,
        },
      });
    const refused = await accept([]);
    expect(refused).toMatchObject({
      ok: false,
      error: "held_by_another_partner",
    });
    expect(refused.ok || refused.message).toContain(
      `Lead ${first.id} of Alpha is accepted for the same company`,
    );
    expect([await status(first.id), await status(second.id)]).toEqual([
      "accepted",
      "under_review",
    ]);

    // Rejecting the holder in the same decision is allowed.
    expect((await accept([first.id])).ok).toBe(true);
    expect([await status(first.id), await status(second.id)]).toEqual([
      "rejected",
      "accepted",
    ]);
  });

  it("refuses to accept a lead another partner's accepted registration holds", async () => {
    const { db } = handle;
    const staff = t.users.ownerStaff.id;
    const scope = (leadId: number) => ({ programId: t.acme.id, leadId });
    const first = await register("alpha", {
      company: "Quokka Freight",
      contactEmail: "q@quokka.example",
    });
    const second = await register("beta", {
      company: "Quokka Freight Ltd",
      contactEmail: "r@quokka.example",
    });
    // The later one is accepted, the earlier one left as it was.
    const decided = await decideConflict(db, {
      ...scope(second.id),
      actorId: staff,
      decision: {
        accept: true,
        reason: null,
        rejectLeadIds: [],
        otherReason: null,
      },
    });
    expect(decided.ok).toBe(true);
    const again = await changeLeadStatus(db, {
      ...scope(first.id),
      actorId: staff,
      change: { to: "accepted" },
    });
    expect(again).toMatchObject({
      ok: false,
      error: "held_by_another_partner",
    });
    expect((await getLead(db, scope(first.id)))!.status).toBe("submitted");
    // Rejecting it is still possible.
    const rejected = await changeLeadStatus(db, {
      ...scope(first.id),
      actorId: staff,
      change: { to: "rejected", reason: "Beta holds it." },
    });
    expect(rejected.ok).toBe(true);
  });

  it("refuses impossible moves from under review", async () => {
    const { db } = handle;
    await register("alpha", {
      company: "Coho Winery",
      contactEmail: "a@coho.example",
    });
    const second = await register("beta", {
      company: "Coho Winery",
      contactEmail: "b@coho.example",
    });
    const result = await changeLeadStatus(db, {
      programId: t.acme.id,
      leadId: second.id,
      actorId: t.users.ownerStaff.id,
      change: { to: "won", amountMinor: 100n, closedOn: "2030-01-01" },
    });
    expect(result).toMatchObject({
      ok: false,
      error: "invalid_transition",
      message: "This lead is under review; it cannot be marked won.",
    });
  });
});
