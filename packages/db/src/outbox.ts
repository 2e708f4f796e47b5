import { and, desc, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Database } from "./client.js";
import { outboxMessages } from "./schema/index.js";

/** How long a claimed message is left to its deliverer before a retry. */
const LEASE_MS = 5 * 60_000;
/** Give up after this many attempts; the error stays on the row. */
export const MAX_MAIL_ATTEMPTS = 8;

export interface ClaimedMail {
  id: number;
  toAddress: string;
  subject: string;
  textBody: string;
  attempts: number;
}

/**
 * Takes up to `limit` messages due now for one deliverer. Rows are
 * locked while claimed (SKIP LOCKED) and leased by moving their next
 * attempt forward, so several portal processes never send one twice
 * unless a deliverer dies mid-send (then it goes again after the lease).
 */
export async function claimDueMail(
  db: Database,
  { now, limit = 20 }: { now: Date; limit?: number },
): Promise<ClaimedMail[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(
        and(
          isNull(outboxMessages.sentAt),
          lte(outboxMessages.nextAttemptAt, now),
          sql`${outboxMessages.attempts} < ${MAX_MAIL_ATTEMPTS}`,
        ),
      )
      .orderBy(outboxMessages.nextAttemptAt, outboxMessages.id)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outboxMessages)
      .set({
        attempts: sql`${outboxMessages.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + LEASE_MS),
      })
      .where(
        inArray(
          outboxMessages.id,
          due.map((d) => d.id),
        ),
      )
      .returning({
        id: outboxMessages.id,
        toAddress: outboxMessages.toAddress,
        subject: outboxMessages.subject,
        textBody: outboxMessages.textBody,
        attempts: outboxMessages.attempts,
      });
  });
}

export async function markMailSent(
  db: Database,
  { id, now }: { id: number; now: Date },
): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ sentAt: now, lastError: null })
    .where(eq(outboxMessages.id, id));
}

/**
 * Records why a send failed and when to try again: 1, 2, 4 ... minutes
 * after each attempt, at most an hour apart.
 */
export async function markMailFailed(
  db: Database,
  input: { id: number; attempts: number; error: string; now: Date },
): Promise<void> {
  const minutes = Math.min(60, 2 ** Math.max(0, input.attempts - 1));
  await db
    .update(outboxMessages)
    .set({
      lastError: input.error.slice(0, 500),
      nextAttemptAt: new Date(input.now.getTime() + minutes * 60_000),
    })
    .where(eq(outboxMessages.id, input.id));
}

/** How many messages one page of the outbox shows. */
export const OUTBOX_PAGE_SIZE = 50;

/**
 * One page of a program's mail, newest first. `before` is the id of the
 * last message of the page before, so pages hold still as mail arrives.
 */
export async function listOutbox(
  db: Database,
  input: { programId: number; before?: number; limit?: number },
) {
  const limit = input.limit ?? OUTBOX_PAGE_SIZE;
  const where = [eq(outboxMessages.programId, input.programId)];
  if (input.before !== undefined) {
    where.push(lt(outboxMessages.id, input.before));
  }
  const rows = await db
    .select({
      id: outboxMessages.id,
      toAddress: outboxMessages.toAddress,
      subject: outboxMessages.subject,
      textBody: outboxMessages.textBody,
      createdAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
    })
    .from(outboxMessages)
    .where(and(...where))
    .orderBy(desc(outboxMessages.id))
    .limit(limit + 1);
  return {
    messages: rows.slice(0, limit),
    nextBefore: rows.length > limit ? rows[limit - 1]!.id : null,
  };
}
