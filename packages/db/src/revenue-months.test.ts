import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client.js";
import { loadCltvFacts, loadFacts } from "./facts/index.js";
import { importLeads, type ImportLeadRow } from "./imports.js";
import { changeLeadStatus, registerLead } from "./leads.js";
import { big, num, selectRows } from "./raw.js";
import { importRevenueEvents } from "./revenue-import.js";
import { recordRevenueEvent } from "./revenue.js";
import {
  openTestDatabase,
  revenueMonthsApart,
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

function crmRow(overrides: Partial<ImportLeadRow>): ImportLeadRow {
  return {
    rowNumber: 2,
    externalId: "OPP-1",
    partnerName: "Alpha",
    company: "Vandelay Industries",
    contactName: null,
    contactEmail: null,
    estimatedValueMinor: null,
    status: "won",
    registeredOn: "2024-01-10",
    closedOn: "2024-01-31",
    amountMinor: 1000n,
    notes: null,
    ...overrides,
  };
}

function importCrm(rows: ImportLeadRow[]) {
  return importLeads(handle.db, {
    programId: t.acme.id,
    actorId: t.users.ownerStaff.id,
    fileName: "crm.csv",
    rowsRead: rows.length,
    rows,
    rejected: [],
    createMissingPartners: false,
  });
}

async function customerId(name: string) {
  const [row] = await selectRows(
    handle.db,
    sql`select id from customers where program_id = ${t.acme.id}
          and name = ${name}`,
  );
  return num(row!.id);
}

/** Each write path, then the months compared with the events. */
const writes: [string, () => Promise<unknown>][] = [
  [
    "a CRM import of won deals",
    () =>
      importCrm([
        crmRow({}),
        crmRow({
          externalId: "OPP-2",
          partnerName: "Beta",
          company: "Kramerica",
          closedOn: "2024-02-01",
          amountMinor: 2500n,
        }),
      ]),
  ],
  [
    "a CRM import that moves a won deal's day and amount",
    () => importCrm([crmRow({ closedOn: "2024-03-15", amountMinor: 1700n })]),
  ],
  [
    "a lead marked won",
    async () => {
      const lead = await registerLead(handle.db, {
        programId: t.acme.id,
        partnerId: t.alpha.id,
        actorId: t.users.alphaUser.id,
        lead: {
          company: "Pendant Publishing",
          contactName: "J. Peterman",
          contactEmail: "jp@pendant.test",
          estimatedValueMinor: null,
          notes: null,
        },
      });
      const change = (to: "accepted" | "won") =>
        changeLeadStatus(handle.db, {
          programId: t.acme.id,
          leadId: lead.id,
          actorId: t.users.ownerStaff.id,
          change:
            to === "won"
              ? { to, amountMinor: 4200n, closedOn: "2099-12-31" }
              : { to },
        });
      await change("accepted");
      expect(await change("won")).toMatchObject({ ok: true });
    },
  ],
  [
    "a revenue import of partners' and direct customers",
    () =>
      importRevenueEvents(handle.db, {
        programId: t.acme.id,
        actorId: null,
        rows: [
          ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => ({
            customer: "Monk's Cafe",
            partnerId: null,
            occurredOn: `2024-${pad(m)}-28`,
            amountMinor: BigInt(100 * m),
          })),
          {
            customer: "Kramerica",
            partnerId: t.beta.id,
            occurredOn: "2024-05-01",
            amountMinor: 300n,
          },
          {
            customer: "Kramerica",
            partnerId: t.beta.id,
            occurredOn: "2024-05-31",
            amountMinor: -80n,
            kind: "contraction" as const,
          },
        ],
      }),
  ],
  [
    "a revenue event recorded by staff",
    async () => {
      for (const [name, amountMinor] of [
        ["Monk's Cafe", 55n],
        ["Vandelay Industries", 66n],
      ] as const) {
        const recorded = await recordRevenueEvent(handle.db, {
          programId: t.acme.id,
          customerId: await customerId(name),
          kind: "expansion",
          amountMinor,
          occurredOn: "2024-06-30",
          actorId: t.users.ownerStaff.id,
        });
        expect(recorded).toMatchObject({ ok: true });
      }
    },
  ],
  [
    "another program's revenue import",
    () =>
      importRevenueEvents(handle.db, {
        programId: t.other.id,
        actorId: null,
        rows: [
          {
            customer: "Kramerica",
            partnerId: t.omega.id,
            occurredOn: "2024-05-01",
            amountMinor: 999n,
          },
        ],
      }),
  ],
];

describe("revenue_months", () => {
  it.each(writes)("equals the events after %s", async (_, write) => {
    await write();
    expect(await revenueMonthsApart(handle.db)).toEqual([]);
  });

  it("moved the corrected deal out of its first month", async () => {
    const rows = await selectRows(
      handle.db,
      sql`select to_char(month, 'YYYY-MM') as month, amount_minor
          from revenue_months
          where program_id = ${t.acme.id} and partner_id = ${t.alpha.id}
            and amount_minor <> 0
          order by month`,
    );
    expect(rows.map((r) => [r.month, big(r.amount_minor)])).toEqual([
      ["2024-03", 1700n],
      ["2024-06", 66n],
      ["2099-12", 4200n],
    ]);
  });
});

const months = [
  ...Array.from({ length: 12 }, (_, i) => `2024-${pad(i + 1)}-01`),
  "2025-01-01",
];
const quarters = ["2023-10-01", "2024-01-01", "2024-04-01", "2024-07-01"];

/** Revenue of each partner (or direct, key "null") per period. */
async function eventsPerPeriod(bounds: readonly string[], back = false) {
  const rows = await selectRows(
    handle.db,
    sql`select c.partner_id, r.occurred_on::text as day, r.amount_minor
        from revenue_events r join customers c on c.id = r.customer_id
        where r.program_id = ${t.acme.id}`,
  );
  const out = new Map<string, bigint[]>();
  for (const r of rows) {
    const key = String(r.partner_id ?? "null");
    const list = out.get(key) ?? bounds.slice(1).map(() => 0n);
    out.set(key, list);
    bounds.slice(1).forEach((end, i) => {
      const start = back ? yearBefore(end) : bounds[i]!;
      const day = String(r.day);
      if (day >= start && day < end) list[i]! += big(r.amount_minor);
    });
  }
  return out;
}

function pad(n: number) {
  return String(n).padStart(2, "0");
}

function yearBefore(day: string) {
  return `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
}

describe("scorecards read from revenue_months", () => {
  it.each([
    ["months", months],
    ["quarters", quarters],
  ])("the revenue of %s equals the events'", async (_, bounds) => {
    const expected = await eventsPerPeriod(bounds);
    const facts = await loadFacts(handle.db, { programId: t.acme.id, bounds });
    for (const partner of [t.alpha, t.beta]) {
      const read = facts.get(partner.id)!.map((f) => f.revenueMinor);
      expect(read).toEqual(expected.get(String(partner.id)));
    }
    expect(expected.get(String(t.alpha.id))!.some((a) => a > 0n)).toBe(true);
  });

  it.each([
    ["every partner", false],
    ["one partner", true],
  ])(
    "the P-CLTV windows' revenue for %s equals the events'",
    async (_, one) => {
      const expected = await eventsPerPeriod(months, true);
      const partnerIds = one ? [t.beta.id] : undefined;
      const cltv = await loadCltvFacts(handle.db, {
        programId: t.acme.id,
        partnerIds,
        bounds: months,
      });
      const keys = one ? [t.beta.id, null] : [t.alpha.id, t.beta.id, null];
      for (const key of keys) {
        const read = cltv.get(key)!.map((w) => w.revenueMinor);
        expect(read).toEqual(expected.get(String(key)));
      }
      expect(expected.get("null")!.at(-1)).toBe(7800n + 55n);
    },
  );
});
