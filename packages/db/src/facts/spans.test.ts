import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { num, selectRows } from "../raw.js";
import {
  openTestDatabase,
  seedTenants,
  type Tenants,
} from "../testing/index.js";
import { loadCltvFacts } from "./cltv.js";
import { loadFacts } from "./partner.js";
import { dateArray } from "./query.js";

let handle: DatabaseHandle;
let t: Tenants;

/** Days on, just before and just after the bounds used below. */
const DAYS = [
  "2022-12-31",
  "2023-01-01",
  "2023-09-30",
  "2023-10-01",
  "2023-10-02",
  "2023-12-31",
  "2024-01-01",
  "2024-01-02",
  "2024-01-10",
  "2024-01-11",
  "2024-02-15",
  "2024-04-01",
  "2024-04-02",
  "2024-04-03",
  "2024-06-30",
  "2024-07-01",
  "2024-12-31",
  "2025-01-01",
  "2025-01-02",
];

beforeAll(async () => {
  handle = await openTestDatabase();
  t = await seedTenants(handle.db);
  // Every pair of days as (acquired, churned), and never churned, for
  // each partner and for direct customers.
  const rows = [];
  for (const partnerId of [t.alpha.id, t.beta.id, null]) {
    for (const [i, acquired] of DAYS.entries()) {
      for (const churned of [null, ...DAYS.slice(i + 1)]) {
        rows.push({ partnerId, acquired, churned, name: `C${rows.length}` });
      }
    }
  }
  await handle.db.execute(sql`
    insert into customers (program_id, partner_id, name, acquired_on,
      churned_on)
    select ${t.acme.id}, x.partner_id, x.name, x.acquired, x.churned
    from json_to_recordset(${JSON.stringify(
      rows.map((r) => ({ ...r, partner_id: r.partnerId })),
    )}::json) as x(partner_id bigint, name text, acquired date, churned date)`);
});
afterAll(() => handle.close());

const MONTHS = [
  ...Array.from({ length: 12 }, (_, i) => `2024-${pad(i + 1)}-01`),
  "2025-01-01",
];
const QUARTERS = ["2023-10-01", "2024-01-01", "2024-04-01", "2024-07-01"];
const CUSTOM = ["2024-01-10", "2024-02-15", "2024-04-02", "2024-04-03"];

function pad(n: number) {
  return String(n).padStart(2, "0");
}

type Key = string;
const keyOf = (partnerId: unknown, b: unknown): Key =>
  `${partnerId == null ? "direct" : num(partnerId)} ${num(b)}`;

/** The cross join of customers and periods that spans.ts replaced. */
async function retentionByCrossJoin(bounds: readonly string[]) {
  const rows = await selectRows(
    handle.db,
    sql`
      select c.partner_id, p.i as b, count(*) as at_start,
        count(*) filter (where c.churned_on is null or c.churned_on >= p.e)
          as retained
      from customers c
      cross join unnest(${dateArray(bounds.slice(0, -1))},
        ${dateArray(bounds.slice(1))}) with ordinality as p(s, e, i)
      where c.program_id = ${t.acme.id} and c.partner_id is not null
        and c.acquired_on <= p.s
        and (c.churned_on is null or c.churned_on > p.s)
      group by 1, 2`,
  );
  return new Map(
    rows.map((r) => [
      keyOf(r.partner_id, r.b),
      { atStart: num(r.at_start), retained: num(r.retained) },
    ]),
  );
}

async function exposureByCrossJoin(ends: readonly string[]) {
  const starts = ends.map((e) => `${Number(e.slice(0, 4)) - 1}${e.slice(4)}`);
  const rows = await selectRows(
    handle.db,
    sql`
      select c.partner_id, p.i as b,
        sum(least(coalesce(c.churned_on, p.e), p.e)
          - greatest(c.acquired_on, p.s)) as days,
        count(*) filter (where c.churned_on >= p.s and c.churned_on < p.e)
          as churned
      from customers c
      cross join unnest(${dateArray(starts)}, ${dateArray(ends)})
        with ordinality as p(s, e, i)
      where c.program_id = ${t.acme.id}
        and c.acquired_on < p.e
        and (c.churned_on is null or c.churned_on >= p.s)
      group by 1, 2`,
  );
  return new Map(
    rows.map((r) => [
      keyOf(r.partner_id, r.b),
      { days: num(r.days), churned: num(r.churned) },
    ]),
  );
}

describe("retention and exposure from grouped customers", () => {
  it.each([
    ["months", MONTHS],
    ["quarters", QUARTERS],
    ["custom ranges", CUSTOM],
  ])("count retention of %s as the cross join did", async (_, bounds) => {
    const expected = await retentionByCrossJoin(bounds);
    for (const partnerIds of [undefined, [t.beta.id]]) {
      const facts = await loadFacts(handle.db, {
        programId: t.acme.id,
        partnerIds,
        bounds,
      });
      for (const partner of partnerIds ?? [t.alpha.id, t.beta.id]) {
        facts.get(partner)!.forEach((f, i) => {
          const e = expected.get(keyOf(partner, i + 1));
          expect([f.customersActiveAtStart, f.customersRetained]).toEqual([
            e?.atStart ?? 0,
            e?.retained ?? 0,
          ]);
        });
      }
    }
    expect(expected.size).toBeGreaterThan(bounds.length);
  });

  it.each([
    ["months", MONTHS],
    ["quarters", QUARTERS],
  ])("count the P-CLTV exposure to %s as the cross join did", async (_, b) => {
    const expected = await exposureByCrossJoin(b.slice(1));
    for (const partnerIds of [undefined, [t.alpha.id]]) {
      const cltv = await loadCltvFacts(handle.db, {
        programId: t.acme.id,
        partnerIds,
        bounds: b,
      });
      for (const key of [...(partnerIds ?? [t.alpha.id, t.beta.id]), null]) {
        cltv.get(key)!.forEach((w, i) => {
          const e = expected.get(keyOf(key, i + 1));
          expect(w.customerMonths).toBe((e?.days ?? 0) / (365.2425 / 12));
          expect(w.churned).toBe(e?.churned ?? 0);
        });
      }
    }
    expect([...expected.values()].some((e) => e.churned > 0)).toBe(true);
  });
});
