import { sql } from "drizzle-orm";

/**
 * The floor: one hand-written query that only sums revenue and counts
 * leads per partner and month, over the rows the scorecard reads. Any
 * scorecard must at least read these rows once.
 */
export function floorQuery(programId: number, start: string, end: string) {
  return sql`
    with revenue as (
      select c.partner_id, date_trunc('month', r.occurred_on) as month,
        sum(r.amount_minor) as amount
      from revenue_events r
      join customers c on c.id = r.customer_id
      where r.program_id = ${programId}
        and r.occurred_on >= ${start}::date and r.occurred_on < ${end}::date
      group by 1, 2
    ), registered as (
      select partner_id, date_trunc('month', registered_on) as month,
        count(*) as n
      from leads
      where program_id = ${programId}
        and registered_on >= ${start}::date and registered_on < ${end}::date
      group by 1, 2
    )
    select coalesce(r.partner_id, l.partner_id) as partner_id,
      coalesce(r.month, l.month) as month, r.amount, l.n
    from revenue r
    full join registered l on l.partner_id = r.partner_id
      and l.month = r.month`;
}
