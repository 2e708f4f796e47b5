import { and, eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { addMembership, createUser } from "../auth.js";
import type { Database } from "../client.js";
import { addCoSellingPartners } from "../co-selling.js";
import { changeLeadStatus, registerLead, type LeadChange } from "../leads.js";
import { updatePartnerAttributes } from "../partner-attributes.js";
import { createPartner, createProgram, type Partner } from "../programs.js";
import { customers } from "../schema/index.js";
import { recordRevenueEvent } from "../revenue.js";
import { TEST_PASSWORD } from "../testing/index.js";
import { recordHandFacts } from "./scenario-facts.js";

/**
 * A small program whose May 2024 is worked out by hand in
 * hand-program.test.ts and hand-partner.test.ts. Partners A, B, C,
 * E joined on January 1; E ends on May 20, D joins on May 15, G on
 * May 1, F on June 1. Times are Los Angeles wall-clock times.
 */
export async function buildHandProgram(db: Database) {
  const zone = "America/Los_Angeles";
  const at = (local: string) =>
    Temporal.PlainDateTime.from(local).toZonedDateTime(zone).toInstant();
  const program = await createProgram(db, {
    name: "Hand",
    timeZone: zone,
    currency: "USD",
  });
  const programId = program.id;
  const p: Record<string, Partner> = {};
  const spans: [string, string, string | null, number | null][] = [
    ["A", "2024-01-01", null, 1000],
    ["B", "2024-01-01", null, 500],
    ["C", "2024-01-01", null, null],
    ["D", "2024-05-15", null, null],
    ["E", "2024-01-01", "2024-05-20", 300],
    ["F", "2024-06-01", null, 50],
    ["G", "2024-05-01", null, null],
  ];
  for (const [name, joinedOn, endedOn, declaredReach] of spans) {
    p[name] = await createPartner(db, { programId, name });
    must(
      await updatePartnerAttributes(db, {
        actorId: null,
        programId,
        partnerId: p[name].id,
        attributes: { joinedOn, endedOn, declaredReach },
      }),
    );
  }
  const user = async (email: string, partnerId: number | null) => {
    const u = await createUser(db, {
      email,
      name: email,
      password: TEST_PASSWORD,
    });
    const role = partnerId === null ? "owner_staff" : "partner_user";
    await addMembership(db, { programId, userId: u.id, role, partnerId });
    return u.id;
  };
  const staff = await user("staff@hand.test", null);
  const partnerUser = await user("user@hand.test", p.A!.id);

  const leadIds: Record<string, number> = {};
  const lead = async (partner: string, company: string, registered: string) => {
    const created = await registerLead(db, {
      programId,
      partnerId: p[partner]!.id,
      actorId: partnerUser,
      lead: {
        company,
        contactName: "Pat",
        contactEmail: `pat@${company.toLowerCase()}.test`,
        estimatedValueMinor: null,
        notes: null,
      },
      now: at(registered),
    });
    leadIds[company] = created.id;
  };
  const decide = async (company: string, change: LeadChange, when: string) =>
    must(
      await changeLeadStatus(db, {
        programId,
        leadId: leadIds[company]!,
        actorId: staff,
        change,
        now: at(when),
      }),
    );
  const won = (amountMinor: bigint, closedOn: string): LeadChange => ({
    to: "won",
    amountMinor,
    closedOn,
  });

  await lead("A", "April", "2024-04-30T09:00");
  await decide("April", { to: "accepted" }, "2024-05-01T09:00");
  await lead("A", "Two", "2024-05-02T09:00");
  await decide("Two", { to: "accepted" }, "2024-05-02T12:00");
  await lead("A", "Five", "2024-05-03T09:00");
  await decide("Five", { to: "accepted" }, "2024-05-04T09:00");
  await lead("A", "Three", "2024-05-04T09:00");
  await decide("Three", { to: "rejected", reason: "dup" }, "2024-05-04T10:30");
  await lead("A", "Waiting", "2024-05-05T09:00");
  await lead("B", "Bee", "2024-05-06T09:00");
  await decide("Bee", { to: "accepted" }, "2024-05-06T19:00");
  await lead("C", "Sea", "2024-05-07T09:00");
  await decide("Sea", { to: "accepted" }, "2024-05-07T11:00");
  await lead("D", "Dee", "2024-05-16T09:00");
  await decide("Dee", { to: "accepted" }, "2024-05-16T09:30");
  must(
    await addCoSellingPartners(db, {
      programId,
      leadId: leadIds.Two!,
      partnerIds: [p.B!.id, p.C!.id],
    }),
  );
  must(
    await addCoSellingPartners(db, {
      programId,
      leadId: leadIds.Dee!,
      partnerIds: [p.A!.id],
    }),
  );
  await decide("Two", won(300_00n, "2024-05-20"), "2024-05-20T10:00");
  await decide("Five", won(300_00n, "2024-05-21"), "2024-05-21T10:00");
  await decide("Bee", won(100_00n, "2024-05-22"), "2024-05-22T10:00");
  await decide("Sea", won(200_00n, "2024-05-23"), "2024-05-23T10:00");
  await decide("Dee", won(600_00n, "2024-05-24"), "2024-05-24T10:00");

  const [two] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.programId, programId), eq(customers.name, "Two")));
  for (const [kind, amountMinor, occurredOn] of [
    ["expansion", 50_00n, "2024-05-25"],
    ["contraction", -20_00n, "2024-05-26"],
  ] as const) {
    must(
      await recordRevenueEvent(db, {
        actorId: null,
        programId,
        customerId: two!.id,
        kind,
        amountMinor,
        occurredOn,
      }),
    );
  }

  // Ratings come from several people: each person's rating counts once
  // a quarter (the default cadence), so one rater could not give four.
  const raters: Record<string, number> = { a1: partnerUser, staff };
  for (const name of ["a2", "a3", "a4"]) {
    raters[name] = await user(`${name}@hand.test`, p.A!.id);
  }
  raters.staff2 = await user("staff2@hand.test", null);
  await recordHandFacts(db, { programId, p, staff, raters, at });
  return { program, partners: p };
}

export function must<T extends { ok: boolean }>(result: T): T {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}
