import { sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { selectRows } from "../raw.js";

/**
 * Every (program, partner, month) where revenue_months and the sum of
 * the events themselves differ; an empty list when they agree. The
 * month is read with to_char here, not as the writes compute it.
 */
export async function revenueMonthsApart(db: Database) {
  const rows = await selectRows(
    db,
    sql`
      with events as (
        select r.program_id, c.partner_id,
          to_char(r.occurred_on, 'YYYY-MM') as month,
          sum(r.amount_minor) as amount
        from revenue_events r join customers c on c.id = r.customer_id
        group by 1, 2, 3
        having sum(r.amount_minor) <> 0
      ), months as (
        select program_id, partner_id, to_char(month, 'YYYY-MM') as month,
          amount_minor as amount
        from revenue_months where amount_minor <> 0
      )
      select coalesce(e.program_id, m.program_id) as program_id,
        coalesce(e.partner_id, m.partner_id) as partner_id,
        coalesce(e.month, m.month) as month,
        e.amount::text as events, m.amount::text as months
      from events e
      full join months m on m.program_id = e.program_id
        and m.partner_id is not distinct from e.partner_id
        and m.month = e.month
      where e.amount is distinct from m.amount`,
  );
  return rows;
}
