import { sql } from "drizzle-orm";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import { notifyScorecardChanged } from "./notify.js";
import { num, selectRows } from "./raw.js";
import { fail, ok, type Result } from "./result.js";
import { partnerIdsOf } from "./revenue.js";

/** A customer that stopped buying: customers on days before it only. */
export interface ChurnRow {
  customer: string;
  partnerId: number | null;
  churnedOn: string;
}

/**
 * Marks customers churned (or, with a later day, moves the day). A row
 * naming no customer of the program, or a day not after the customer's
 * acquisition, refuses the whole batch.
 */
export async function markCustomersChurned(
  db: Database,
  input: {
    programId: number;
    rows: readonly ChurnRow[];
    actorId: number | null;
  },
): Promise<Result<{ customers: number }, "not_found" | "before_acquisition">> {
  const json = JSON.stringify(
    input.rows.map((r) => ({
      customer: r.customer,
      partner_id: r.partnerId,
      day: r.churnedOn,
    })),
  );
  const matched = sql`
    from json_to_recordset(${json}::json)
      as x(customer text, partner_id bigint, day date)
    join customers c on c.program_id = ${input.programId}
      and c.name = x.customer
      and coalesce(c.partner_id, 0) = coalesce(x.partner_id, 0)`;
  return db.transaction(async (tx) => {
    const [check] = await selectRows(
      tx,
      sql`select count(*) as n,
            count(*) filter (where x.day <= c.acquired_on) as early
          ${matched}`,
    );
    if (num(check?.n) !== input.rows.length) {
      return fail("not_found", "A row names no customer of this program.");
    }
    if (num(check?.early) > 0) {
      return fail(
        "before_acquisition",
        "A customer churns after it is acquired.",
      );
    }
    await tx.execute(sql`
      update customers set churned_on = x.day
      from (select c.id, x.day ${matched}) x
      where customers.id = x.id`);
    for (const partnerId of partnerIdsOf(input.rows)) {
      await notifyScorecardChanged(tx, {
        programId: input.programId,
        partnerId,
      });
    }
    const counts = new Map<number | null, number>();
    for (const row of input.rows) {
      counts.set(row.partnerId, (counts.get(row.partnerId) ?? 0) + 1);
    }
    for (const [partnerId, n] of counts) {
      await recordAudit(tx, {
        programId: input.programId,
        actorId: input.actorId,
        partnerId,
        kind: "churn.marked",
        summary: `Marked ${n} customer${n === 1 ? "" : "s"} churned`,
        details: { customers: n },
      });
    }
    return ok({ customers: input.rows.length });
  });
}
