import { and, eq } from "drizzle-orm";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import { notifyScorecardChanged } from "./notify.js";
import { fail, ok, type Result } from "./result.js";
import { bookRevenueMonths } from "./revenue-months.js";
import { customers, revenueEvents } from "./schema/index.js";
import type { RevenueKind } from "./values.js";

/** Contractions are negative amounts; every other kind is not. */
export function badAmount(row: {
  kind?: RevenueKind;
  amountMinor: bigint;
}): boolean {
  return row.kind === "contraction"
    ? row.amountMinor >= 0n
    : row.amountMinor < 0n;
}

/** The distinct partners of some rows, for notifying them. */
export function partnerIdsOf(rows: readonly { partnerId: number | null }[]) {
  const ids = new Set<number>();
  for (const r of rows) if (r.partnerId !== null) ids.add(r.partnerId);
  return [...ids];
}

/** One revenue event of an existing customer, entered by staff. */
export async function recordRevenueEvent(
  db: Database,
  input: {
    programId: number;
    customerId: number;
    kind: RevenueKind;
    amountMinor: bigint;
    occurredOn: string;
    actorId: number | null;
  },
): Promise<Result<{ id: number }, "not_found" | "bad_amount">> {
  if (badAmount(input)) {
    return fail(
      "bad_amount",
      "A contraction is negative, anything else is not.",
    );
  }
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ partnerId: customers.partnerId })
      .from(customers)
      .where(
        and(
          eq(customers.programId, input.programId),
          eq(customers.id, input.customerId),
        ),
      );
    if (!customer) return fail("not_found", "This customer does not exist.");
    const [row] = await tx
      .insert(revenueEvents)
      .values({
        programId: input.programId,
        customerId: input.customerId,
        kind: input.kind,
        amountMinor: input.amountMinor,
        occurredOn: input.occurredOn,
      })
      .returning({ id: revenueEvents.id });
    await bookRevenueMonths(tx, [input]);
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      partnerId: customer.partnerId,
      kind: "revenue.recorded",
      subjectType: "revenue_event",
      subjectId: row!.id,
      summary: `Recorded ${input.kind} revenue`,
      details: {
        customerId: input.customerId,
        amountMinor: input.amountMinor.toString(),
        occurredOn: input.occurredOn,
      },
    });
    if (customer.partnerId !== null) {
      await notifyScorecardChanged(tx, {
        programId: input.programId,
        partnerId: customer.partnerId,
      });
    }
    return ok({ id: row!.id });
  });
}
