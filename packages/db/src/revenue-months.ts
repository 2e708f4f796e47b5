import { sql, type SQL } from "drizzle-orm";
import type { Database } from "./client.js";
import { revenueEvents } from "./schema/index.js";

/** Revenue events, or changes to them (a negative amount takes away). */
export interface RevenueDelta {
  programId: number;
  customerId: number;
  amountMinor: bigint;
  occurredOn: string;
}

/** The columns of an event that revenue_months needs. */
export const REVENUE_DELTA = {
  programId: revenueEvents.programId,
  customerId: revenueEvents.customerId,
  amountMinor: revenueEvents.amountMinor,
  occurredOn: revenueEvents.occurredOn,
};

/**
 * Adds events to revenue_months (schema/revenue.ts). `events` is a
 * select of program_id, customer_id, amount_minor and occurred_on (of
 * the rows a statement inserted, in a CTE, for one). Every write that
 * adds or changes revenue events calls this in its transaction, so
 * scorecards may read the months instead of the events.
 */
export function addToRevenueMonths(events: SQL): SQL {
  return sql`
    insert into revenue_months (program_id, partner_id, month, amount_minor)
    select e.program_id, c.partner_id,
      date_trunc('month', e.occurred_on::timestamp)::date,
      sum(e.amount_minor)
    from (${events}) e
    join customers c on c.id = e.customer_id and c.program_id = e.program_id
    group by 1, 2, 3
    -- Months are locked in one order, so two such statements touching
    -- the same months queue rather than deadlock.
    order by 1, 2, 3
    on conflict (program_id, partner_id, month) do update
      set amount_minor = revenue_months.amount_minor + excluded.amount_minor`;
}

/** addToRevenueMonths for rows known in JavaScript. */
export async function bookRevenueMonths(
  tx: Pick<Database, "execute">,
  rows: readonly RevenueDelta[],
): Promise<void> {
  if (rows.length === 0) return;
  // Amounts travel as JSON strings: a bigint may exceed a double.
  const json = JSON.stringify(
    rows.map((r) => ({
      program_id: r.programId,
      customer_id: r.customerId,
      amount_minor: String(r.amountMinor),
      occurred_on: r.occurredOn,
    })),
  );
  await tx.execute(
    addToRevenueMonths(sql`select * from json_to_recordset(${json}::json)
      as x(program_id bigint, customer_id bigint, amount_minor bigint,
        occurred_on date)`),
  );
}
