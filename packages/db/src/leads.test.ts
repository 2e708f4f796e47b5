import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriodKey } from "@tandem/metrics";
import type { DatabaseHandle } from "./client.js";
import {
  changeLeadStatus,
  getLead,
  listLeadEvents,
  listLeads,
  registerLead,
} from "./leads.js";
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

const lead = {
  company: "Initech",
  contactName: "Peter Gibbons",
  contactEmail: "peter@initech.test",
  estimatedValueMinor: 500000n,
  notes: null,
};

// 2024-03-31 23:30 in Los Angeles is already April 1 in UTC.
const endOfMarchLA = Temporal.Instant.from("2024-04-01T06:30:00Z");

describe("the lead pipeline", () => {
  it("registers, accepts and wins a lead, keeping its history", async () => {
    const { db } = handle;
    const created = await registerLead(db, {
      programId: t.acme.id,
      partnerId: t.alpha.id,
      actorId: t.users.alphaUser.id,
      lead,
      now: endOfMarchLA,
    });
    expect(created.status).toBe("submitted");
    expect(created.registeredOn).toBe("2024-03-31");

    const accepted = await changeLeadStatus(db, {
      programId: t.acme.id,
      leadId: created.id,
      actorId: t.users.ownerStaff.id,
      change: { to: "accepted" },
    });
    expect(accepted.ok).toBe(true);
    const won = await changeLeadStatus(db, {
      programId: t.acme.id,
      leadId: created.id,
      actorId: t.users.ownerStaff.id,
      change: { to: "won", amountMinor: 1234567n, closedOn: "2024-04-02" },
    });
    expect(won.ok && won.value.wonAmountMinor).toBe(1234567n);

    const history = await listLeadEvents(db, {
      programId: t.acme.id,
      leadId: created.id,
    });
    expect(history.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, "submitted"],
      ["submitted", "accepted"],
      ["accepted", "won"],
    ]);
    expect(history[2]!.actorName).toBe("staff");

    const card = await getPartnerScorecard(db, {
      program: t.acme,
      partner: t.alpha,
      period: parsePeriodKey("quarter", "2024-Q2")!,
    });
    const value = (id: string) =>
      card.metrics.find((m) => m.definition.id === id)!;
    expect(value("direct_revenue").value).toBe(1234567n);
    expect(value("avg_deal_size").value).toBe(1234567n);
    expect(value("lead_conversion_rate").value).toBe(1);
    // Registered on March 31 in the program's zone: Q1, not Q2.
    expect(value("leads_generated").value).toBe(0);
    expect(value("leads_generated").previous).toBe(1);
  });

  it("refuses impossible moves and leaves the lead as it was", async () => {
    const { db } = handle;
    const created = await registerLead(db, {
      programId: t.acme.id,
      partnerId: t.beta.id,
      actorId: t.users.betaUser.id,
      lead: { ...lead, company: "Globex", contactEmail: "hank@globex.test" },
    });
    const result = await changeLeadStatus(db, {
      programId: t.acme.id,
      leadId: created.id,
      actorId: t.users.ownerStaff.id,
      change: { to: "won", amountMinor: 100n, closedOn: "2024-04-02" },
    });
    expect(result).toMatchObject({ ok: false, error: "invalid_transition" });
    const after = await getLead(db, {
      programId: t.acme.id,
      leadId: created.id,
    });
    expect(after!.status).toBe("submitted");
    expect(after!.wonAmountMinor).toBeNull();
  });

  it("refuses a close day before the lead was registered", async () => {
    const { db } = handle;
    const created = await registerLead(db, {
      programId: t.acme.id,
      partnerId: t.alpha.id,
      actorId: t.users.alphaUser.id,
      lead: { ...lead, company: "Umbrella", contactEmail: "al@umbrella.test" },
      now: endOfMarchLA,
    });
    await changeLeadStatus(db, {
      programId: t.acme.id,
      leadId: created.id,
      actorId: t.users.ownerStaff.id,
      change: { to: "accepted" },
    });
    const lost = await changeLeadStatus(db, {
      programId: t.acme.id,
      leadId: created.id,
      actorId: t.users.ownerStaff.id,
      change: { to: "lost", closedOn: "2024-03-30" },
    });
    expect(lost).toMatchObject({ ok: false, error: "before_registration" });
    const after = await getLead(db, {
      programId: t.acme.id,
      leadId: created.id,
    });
    expect(after!.status).toBe("accepted");
  });

  it("shows a lead to nobody outside its partner and program", async () => {
    const { db } = handle;
    const created = await registerLead(db, {
      programId: t.acme.id,
      partnerId: t.alpha.id,
      actorId: t.users.alphaUser.id,
      lead: { ...lead, company: "Hooli" },
    });
    const asBeta = await getLead(db, {
      programId: t.acme.id,
      leadId: created.id,
      partnerId: t.beta.id,
    });
    const asOther = await getLead(db, {
      programId: t.other.id,
      leadId: created.id,
    });
    expect(asBeta).toBeNull();
    expect(asOther).toBeNull();
    const betaList = await listLeads(db, {
      programId: t.acme.id,
      partnerId: t.beta.id,
    });
    expect(betaList.every((l) => l.partnerId === t.beta.id)).toBe(true);
    const otherChange = await changeLeadStatus(db, {
      programId: t.other.id,
      leadId: created.id,
      actorId: t.users.otherStaff.id,
      change: { to: "accepted" },
    });
    expect(otherChange).toMatchObject({ ok: false, error: "not_found" });
  });
});
