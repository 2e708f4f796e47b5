import { sql } from "drizzle-orm";
import type { Database } from "../src/client.js";
import { addToRevenueMonths } from "../src/revenue-months.js";

/** What the bench generates; the issue fixes these sizes. */
export const SIZES = {
  partners: 1_000,
  leads: 1_000_000,
  customers: 200_000,
};

/** Two years of data: 2023 and 2024, in the program's days. */
export const FIRST_DAY = "2023-01-01";
export const DAYS = 731;

/**
 * Fills a program in SQL (generate_series), deterministically: every
 * value is arithmetic on the row number, so two runs and two drivers
 * hold the same rows. Leads spread evenly over partners and days;
 * 40 % won, 20 % lost, 10 % rejected; each decided lead has one
 * decision event. Customers get a revenue event a month from their
 * first day until they churn (one in ten does) or 2024 ends.
 */
export async function generateProgram(db: Database, programId: number) {
  // Constants inlined (not parameters): the planner sees the sizes.
  const partners = sql.raw(String(SIZES.partners));
  const leads = sql.raw(String(SIZES.leads - 1));
  const customers = sql.raw(String(SIZES.customers - 1));
  const activities = sql.raw(String(SIZES.partners * 12 - 1));
  const days = sql.raw(String(DAYS));
  const FIRST = sql.raw(`date '${FIRST_DAY}'`);
  const steps = [
    sql`insert into partners (program_id, name, joined_on, declared_reach)
      select ${programId}, 'Partner ' || i,
        date '2022-06-01' + (i % 400), 100 + i % 900
      from generate_series(1, ${partners}) i`,
    sql`create table bench_partner as
      select id, row_number() over (order by id) - 1 as n
      from partners where program_id = ${programId}`,
    sql`insert into leads (program_id, partner_id, company, status,
        source, registered_on, closed_on, won_amount_minor, created_at)
      select ${programId}, p.id, 'Company ' || i,
        (case when i % 10 < 4 then 'won' when i % 10 < 6 then 'lost'
          when i % 10 = 6 then 'rejected' when i % 10 = 7 then 'accepted'
          else 'submitted' end)::lead_status,
        (array['portal','import','api','widget'])[1 + i % 4]::lead_source,
        d, case when i % 10 < 6 then d + (i % 45) end,
        case when i % 10 < 4 then 10000 + (i::bigint * 7919) % 5000000 end,
        d::timestamp at time zone 'UTC' + (i % 24) * interval '1 hour'
      from generate_series(0, ${leads}) i
      cross join lateral (select ${FIRST} + (i * 17) % ${days} as d) x
      join bench_partner p on p.n = i % ${partners}`,
    sql`insert into lead_events (program_id, lead_id, from_status,
        to_status, effective_on, created_at)
      select program_id, id, 'submitted',
        case when status = 'rejected' then 'rejected' else 'accepted' end
          ::lead_status,
        registered_on, created_at + (id % 96) * interval '1 hour'
      from leads where program_id = ${programId} and status <> 'submitted'`,
    sql`insert into customers (program_id, partner_id, name, acquired_on,
        churned_on)
      select ${programId}, case when i % 20 <> 0 then p.id end,
        'Customer ' || i, d,
        case when i % 10 = 3 and d + 90 + i % 400 < date '2025-01-01'
          then d + 90 + i % 400 end
      from generate_series(0, ${customers}) i
      cross join lateral (select ${FIRST} + (i * 13) % ${days} as d) x
      join bench_partner p on p.n = i % ${partners}`,
    sql`insert into revenue_events (program_id, customer_id, kind,
        amount_minor, occurred_on)
      select c.program_id, c.id,
        (case when m = 0 then 'new' else 'renewal' end)::revenue_kind,
        1000 + (c.id * 31 + m * 7) % 90000, c.acquired_on + m * 30
      from customers c
      cross join lateral generate_series(0, 24) m
      where c.program_id = ${programId}
        and c.acquired_on + m * 30 < coalesce(c.churned_on, date '2025-01-01')
        and c.acquired_on + m * 30 < date '2025-01-01'`,
    // What the writes keep in step with the events (revenue-months.ts).
    addToRevenueMonths(sql`select program_id, customer_id, amount_minor,
        occurred_on
      from revenue_events where program_id = ${programId}`),
    sql`insert into costs (program_id, partner_id, kind, amount_minor,
        incurred_on)
      select ${programId}, p.id, 'commission', 5000 + (p.n * 13 + m) % 100000,
        (date '2023-01-15' + m * interval '1 month')::date
      from bench_partner p cross join generate_series(0, 23) m`,
    sql`insert into ratings (program_id, partner_id, side, user_id, score,
        communication, rated_on)
      select ${programId}, p.id,
        (case when m % 2 = 0 then 'partner' else 'owner' end)::rating_side,
        (select min(id) from users), (p.n + m) % 11, 1 + (p.n + m) % 5,
        date '2023-01-20' + m * 30
      from bench_partner p cross join generate_series(0, 23) m`,
    sql`insert into activities (program_id, kind, title, occurred_on)
      select ${programId},
        (enum_range(null::activity_kind))[1 + i % 9], 'Activity ' || i,
        ${FIRST} + (i * 11) % ${days}
      from generate_series(0, ${activities}) i`,
    sql`insert into activity_partners (program_id, activity_id, partner_id)
      select a.program_id, a.id, p.id
      from (select id, program_id, row_number() over (order by id) - 1 as n
            from activities where program_id = ${programId}) a
      join bench_partner p
        on p.n = a.n % ${partners} or p.n = (a.n * 7 + 1) % ${partners}`,
    sql`drop table bench_partner`,
    sql`analyze`,
  ];
  for (const step of steps) await db.execute(step);
}
