import { eq, sql } from "drizzle-orm";
import type { Database } from "./client.js";
import { bookRevenueMonths, REVENUE_DELTA } from "./revenue-months.js";
import { customers, revenueEvents } from "./schema/index.js";

type Tx = Pick<Database, "insert" | "select" | "update" | "execute">;

/**
 * The customer a won deal makes: one per company and partner, so a
 * second deal with the same company adds revenue to the same customer.
 */
export async function findOrCreateCustomer(
  tx: Tx,
  input: {
    programId: number;
    partnerId: number | null;
    name: string;
    leadId: number;
    acquiredOn: string;
  },
): Promise<number> {
  // One statement either way; acquired_on keeps the earliest won day.
  const [row] = await tx
    .insert(customers)
    .values({
      programId: input.programId,
      partnerId: input.partnerId,
      name: input.name,
      firstLeadId: input.leadId,
      acquiredOn: input.acquiredOn,
    })
    .onConflictDoUpdate({
      target: [customers.programId, customers.partnerId, customers.name],
      set: {
        acquiredOn: sql`least(${customers.acquiredOn}, excluded.acquired_on)`,
      },
    })
    .returning({ id: customers.id });
  return row!.id;
}

/**
 * Books (or corrects) the `new` revenue event of a won lead. The caller
 * holds the lead's row lock, so the event read before is still the one
 * the upsert replaces; its month loses what the new one gains.
 */
export async function recordWonRevenue(
  tx: Tx,
  input: {
    programId: number;
    customerId: number;
    leadId: number;
    amountMinor: bigint;
    occurredOn: string;
  },
): Promise<void> {
  const before = await tx
    .select(REVENUE_DELTA)
    .from(revenueEvents)
    .where(eq(revenueEvents.leadId, input.leadId))
    .for("update");
  const after = await tx
    .insert(revenueEvents)
    .values({ ...input, kind: "new" })
    .onConflictDoUpdate({
      target: revenueEvents.leadId,
      set: { amountMinor: input.amountMinor, occurredOn: input.occurredOn },
    })
    .returning(REVENUE_DELTA);
  await bookRevenueMonths(tx, [
    ...before.map((r) => ({ ...r, amountMinor: -r.amountMinor })),
    ...after,
  ]);
}
