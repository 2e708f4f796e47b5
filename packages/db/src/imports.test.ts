import { and, eq, sql } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client.js";
import { importLeads, type ImportLeadRow } from "./imports.js";
import { getLead, listLeadEvents, listLeads } from "./leads.js";
import { importRevenueFile, type RevenueFileRow } from "./revenue-file.js";
import {
  auditEvents,
  customers,
  imports,
  partners,
  revenueEvents,
} from "./schema/index.js";
import { getProgramFacts } from "./scorecards.js";
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

function row(overrides: Partial<ImportLeadRow>): ImportLeadRow {
  return {
    rowNumber: 2,
    externalId: "OPP-1",
    partnerName: "Alpha",
    company: "Vandelay Industries",
    contactName: null,
    contactEmail: null,
    estimatedValueMinor: null,
    status: "accepted",
    registeredOn: "2024-01-10",
    closedOn: null,
    amountMinor: null,
    notes: null,
    ...overrides,
  };
}

function run(rows: ImportLeadRow[], createMissingPartners = false) {
  return importLeads(handle.db, {
    programId: t.acme.id,
    actorId: t.users.ownerStaff.id,
    fileName: "crm.csv",
    rowsRead: rows.length,
    rows,
    rejected: [],
    createMissingPartners,
  });
}

/** Imports a revenue file's rows; the import's record. */
async function loadRevenueFile(name: string, rows: RevenueFileRow[]) {
  const outcome = await importRevenueFile(handle.db, {
    programId: t.acme.id,
    actorId: t.users.ownerStaff.id,
    fileName: name,
    bytes: new TextEncoder().encode(name),
    rowsRead: rows.length,
    rows,
    rejected: [],
  });
  if (!outcome.ok) throw new Error(outcome.message);
  const [record] = await handle.db
    .select()
    .from(imports)
    .where(eq(imports.id, outcome.importId));
  return record!;
}

async function partnerNames() {
  const rows = await handle.db
    .select({ name: partners.name })
    .from(partners)
    .where(eq(partners.programId, t.acme.id));
  return rows.map((r) => r.name).sort();
}

async function leadOf(externalId: string) {
  const all = await listLeads(handle.db, { programId: t.acme.id });
  const found = all.find((l) => l.externalId === externalId)!;
  return (await getLead(handle.db, {
    programId: t.acme.id,
    leadId: found.id,
  }))!;
}

describe("importLeads", () => {
  it("protects a lead the file brings in as accepted from the import day", async () => {
    const today = Temporal.Now.plainDateISO(t.acme.timeZone);
    const until = today.add({ days: t.acme.protectionDays }).toString();
    await run([
      row({ externalId: "PROT-1", company: "Pendant Publishing" }),
      row({
        externalId: "PROT-2",
        company: "Kenny Rogers Roasters",
        status: "submitted",
        rowNumber: 3,
      }),
    ]);
    expect(await leadOf("PROT-1")).toMatchObject({
      status: "accepted",
      acceptedOn: today.toString(),
      protectedUntil: until,
    });
    expect(await leadOf("PROT-2")).toMatchObject({
      status: "submitted",
      acceptedOn: null,
      protectedUntil: null,
    });
    // Accepted by a later file: protected from then; again, unchanged.
    const second = row({
      externalId: "PROT-2",
      company: "Kenny Rogers Roasters",
    });
    await run([second]);
    expect(await leadOf("PROT-2")).toMatchObject({
      status: "accepted",
      protectedUntil: until,
    });
    expect((await run([second])).unchanged).toBe(1);
  });

  it("records each import in the audit log", async () => {
    const summary = await run([
      row({ externalId: "AUD-1", company: "Kramerica" }),
    ]);
    const [entry] = await handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.kind, "lead.imported"),
          eq(auditEvents.subjectId, summary.importId),
        ),
      );
    expect(entry).toMatchObject({
      programId: t.acme.id,
      actorId: t.users.ownerStaff.id,
      details: { created: 1, rejected: 0 },
    });
  });

  it("creates, then leaves alone, then updates with history", async () => {
    expect(await run([row({})])).toMatchObject({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
    expect(await run([row({})])).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
    });

    const won = row({
      status: "won",
      closedOn: "2024-02-20",
      amountMinor: 990000n,
    });
    expect(await run([won])).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    const lead = await leadOf("OPP-1");
    expect(lead.status).toBe("won");
    const history = await listLeadEvents(handle.db, {
      programId: t.acme.id,
      leadId: lead.id,
    });
    expect(history.map((e) => e.toStatus)).toEqual(["accepted", "won"]);
    expect(history[1]!.reason).toBe(
      "Updated from crm.csv: status, close day, amount won",
    );

    const facts = await getProgramFacts(handle.db, {
      programId: t.acme.id,
      start: "2024-02-01",
      end: "2024-03-01",
    });
    expect(facts.revenueMinor).toBe(990000n);
    expect(await run([won])).toMatchObject({ unchanged: 1 });
  });

  it("never reopens a decided lead, and reports the row", async () => {
    const result = await run([row({ rowNumber: 7, status: "submitted" })]);
    expect(result.updated).toBe(0);
    expect(result.rejected).toEqual([
      { rowNumber: 7, reasons: [expect.stringMatching(/already won/)] },
    ]);
    expect((await leadOf("OPP-1")).status).toBe("won");
  });

  it("refuses rows of unknown partners unless asked to add them", async () => {
    const stranger = row({
      externalId: "OPP-9",
      partnerName: "Gamma",
      rowNumber: 3,
    });
    const refused = await run([stranger]);
    expect(refused.created).toBe(0);
    expect(refused.rejected[0]!.reasons[0]).toMatch(/"Gamma" is not a partner/);
    const added = await run([stranger], true);
    expect(added.created).toBe(1);
    expect((await leadOf("OPP-9")).partnerName).toBe("Gamma");
  });

  it("finds a revenue file's partner whatever its case", async () => {
    const record = await loadRevenueFile("revenue.csv", [
      {
        rowNumber: 2,
        customer: "Case Customer",
        partnerName: "  alpha ",
        occurredOn: "2024-03-01",
        amountMinor: 1000n,
        kind: "new",
      },
      {
        rowNumber: 3,
        customer: "Case Customer 2",
        partnerName: "Nobody",
        occurredOn: "2024-03-01",
        amountMinor: 1000n,
        kind: "new",
      },
    ]);
    expect(record.created).toBe(1);
    expect(record.rejected).toEqual([
      {
        rowNumber: 3,
        reasons: ['partner: "Nobody" is not a partner of this program'],
      },
    ]);
  });

  it("refuses a revenue row that changes one an earlier file loaded", async () => {
    const revenueRow = (rowNumber: number, day: string, amount: bigint) => ({
      rowNumber,
      customer: "Correction Co",
      partnerName: "Alpha",
      occurredOn: day,
      amountMinor: amount,
      kind: "new" as const,
    });
    const first = await loadRevenueFile("first.csv", [
      revenueRow(2, "2019-04-01", 100000n),
      revenueRow(3, "2019-04-02", 5000n),
    ]);
    expect(first.created).toBe(2);
    const corrected = await loadRevenueFile("corrected.csv", [
      revenueRow(2, "2019-04-01", 100100n),
      revenueRow(3, "2019-04-02", 5000n),
      revenueRow(4, "2019-04-03", 7000n),
    ]);
    expect([corrected.created, corrected.unchanged]).toEqual([1, 1]);
    expect(corrected.rejected).toEqual([
      {
        rowNumber: 2,
        reasons: [
          "it changes a row an earlier file loaded for this customer and day (not in this file); to correct revenue, record the difference as an expansion or contraction on the Record page",
        ],
      },
    ]);
    const [sum] = await handle.db
      .select({ total: sql<string>`sum(${revenueEvents.amountMinor})` })
      .from(revenueEvents)
      .innerJoin(customers, eq(customers.id, revenueEvents.customerId))
      .where(eq(customers.name, "Correction Co"));
    // 1,000.00 + 50.00 + 70.00: the corrected 1,001.00 is not added.
    expect(sum!.total).toBe("112000");
  });

  it("refuses later kinds of revenue before their customer's first day", async () => {
    const row = (
      rowNumber: number,
      customer: string,
      occurredOn: string,
      kind: RevenueFileRow["kind"],
    ): RevenueFileRow => ({
      rowNumber,
      customer,
      partnerName: "Beta",
      occurredOn,
      amountMinor: 1000n,
      kind,
    });
    const record = await loadRevenueFile("kinds.csv", [
      row(2, "Kinds Co", "2018-03-10", "new"),
      row(3, "Kinds Co", "2018-03-01", "expansion"),
      row(4, "Kinds Co", "2018-03-10", "renewal"),
      row(5, "Stranger Co", "2018-03-10", "expansion"),
    ]);
    expect(record.created).toBe(2);
    expect(record.rejected).toEqual([
      {
        rowNumber: 3,
        reasons: [
          'day: 2018-03-01 is before "Kinds Co" became a customer (2018-03-10); expansion revenue comes on that day or later',
        ],
      },
      {
        rowNumber: 5,
        reasons: [
          'customer: "Stranger Co" is not a customer yet; its first revenue is new',
        ],
      },
    ]);
  });

  it("names partners as the Partners page does: case and spaces aside", async () => {
    const partnersBefore = await partnerNames();
    const summary = await run(
      [
        row({ externalId: "CASE-1", partnerName: "alpha", rowNumber: 2 }),
        row({ externalId: "CASE-2", partnerName: "ALPHA  ", rowNumber: 3 }),
        row({ externalId: "CASE-3", partnerName: "Delta  Co", rowNumber: 4 }),
        row({ externalId: "CASE-4", partnerName: "delta co", rowNumber: 5 }),
      ],
      true,
    );
    expect(summary.rejected).toEqual([]);
    expect((await leadOf("CASE-1")).partnerName).toBe("Alpha");
    expect((await leadOf("CASE-2")).partnerName).toBe("Alpha");
    // One new partner for two spellings, written as the file first did.
    expect((await leadOf("CASE-3")).partnerName).toBe("Delta Co");
    expect((await leadOf("CASE-4")).partnerName).toBe("Delta Co");
    expect(await partnerNames()).toEqual(
      [...partnersBefore, "Delta Co"].sort(),
    );
  });

  it("books two won deals of one company as one customer", async () => {
    await run([
      row({
        externalId: "A",
        company: "Kramerica",
        status: "won",
        closedOn: "2024-05-02",
        amountMinor: 100n,
      }),
      row({
        externalId: "B",
        company: "Kramerica",
        status: "won",
        closedOn: "2024-04-01",
        amountMinor: 250n,
      }),
    ]);
    const facts = await getProgramFacts(handle.db, {
      programId: t.acme.id,
      start: "2024-04-01",
      end: "2024-06-01",
    });
    expect(facts.revenueMinor).toBe(350n);
    expect(facts.leadsWon).toBe(2);
    expect(facts.wonAmountMinor).toBe(350n);
  });

  it("keeps external ids per program", async () => {
    const other = await importLeads(handle.db, {
      programId: t.other.id,
      actorId: t.users.otherStaff.id,
      fileName: "other.csv",
      rowsRead: 1,
      rows: [row({ partnerName: "Omega" })],
      rejected: [],
      createMissingPartners: false,
    });
    expect(other.created).toBe(1);
    expect((await leadOf("OPP-1")).status).toBe("won");
  });
});
