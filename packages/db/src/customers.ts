import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Database } from "./client.js";
import { bookRevenueMonths, REVENUE_DELTA } from "./revenue-months.js";
import { customers, revenueEvents } from "./schema/index.js";
import { companyKey } from "./schema/match-keys.js";
import { typedNameKey } from "./programs.js";

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

/** Runs of white space, for regexp_replace. */
const SPACES = "\\s+";

/**
 * The customer a person names for a partner (or, with partner null, a
 * direct one), as the program already spells it, and the day it became
 * a customer: case and runs of spaces aside ("ZETA REV " is Zeta Rev),
 * else the same company by the match key registrations use ("Globex
 * Corp." is Globex Corporation, decision 0016). Null when there is none.
 */
export async function findCustomer(
  db: Pick<Database, "select">,
  input: { programId: number; partnerId: number | null; name: string },
): Promise<{ name: string; acquiredOn: string } | null> {
  const wanted = typedNameKey(input.name);
  const normalised = sql`lower(regexp_replace(btrim(${customers.name}), ${SPACES}, ' ', 'g'))`;
  const [found] = await db
    .select({ name: customers.name, acquiredOn: customers.acquiredOn })
    .from(customers)
    .where(
      and(
        eq(customers.programId, input.programId),
        input.partnerId === null
          ? isNull(customers.partnerId)
          : eq(customers.partnerId, input.partnerId),
        or(
          sql`${normalised} = ${wanted}`,
          eq(customers.nameKey, companyKey(sql`${input.name}::text`)),
        ),
      ),
    )
    // The same spelling first, then the same company by its match key.
    .orderBy(sql`${normalised} = ${wanted} desc`, customers.id)
    .limit(1);
  return found ?? null;
}
