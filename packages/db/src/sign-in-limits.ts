import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Database } from "./client.js";
import { signInFailures } from "./schema/index.js";
import { hashToken, normaliseEmail } from "./tokens.js";

/** Failed sign-ins allowed per window (decision 0014). */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const FAILURES_PER_EMAIL = 5;
export const FAILURES_PER_ADDRESS = 20;

const emailKey = (email: string) => hashToken(`email:${normaliseEmail(email)}`);
const addressKey = (address: string) => hashToken(`ip:${address}`);

export interface SignInAttempt {
  email: string;
  /** The client's address; null when unknown. */
  clientAddress: string | null;
  now?: Date;
}

/**
 * Whether another sign-in may be tried now; when not, in how many
 * seconds the oldest counted failure leaves the window.
 */
export async function signInAllowed(
  db: Database,
  attempt: SignInAttempt,
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const now = attempt.now ?? new Date();
  const since = windowStart(now);
  const limits: [string, number][] = [
    [emailKey(attempt.email), FAILURES_PER_EMAIL],
  ];
  if (attempt.clientAddress) {
    limits.push([addressKey(attempt.clientAddress), FAILURES_PER_ADDRESS]);
  }
  let wait = 0;
  for (const [key, limit] of limits) {
    const [row] = await db
      .select({
        n: sql<number>`count(*)::int`,
        oldest: sql<string | null>`min(${signInFailures.attemptedAt})::text`,
      })
      .from(signInFailures)
      .where(
        and(eq(signInFailures.key, key), gt(signInFailures.attemptedAt, since)),
      );
    if (Number(row?.n ?? 0) >= limit && row?.oldest) {
      const frees = new Date(row.oldest).getTime() + windowMs();
      wait = Math.max(wait, Math.ceil((frees - now.getTime()) / 1000));
    }
  }
  return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true };
}

/** Counts a failed sign-in against the email and the address. */
export async function recordSignInFailure(
  db: Database,
  attempt: SignInAttempt,
): Promise<void> {
  const now = attempt.now ?? new Date();
  const keys = [emailKey(attempt.email)];
  if (attempt.clientAddress) keys.push(addressKey(attempt.clientAddress));
  await db.transaction(async (tx) => {
    await tx
      .insert(signInFailures)
      .values(keys.map((key) => ({ key, attemptedAt: now })));
    // Rows outside the window count for nothing: the table holds one
    // window's failures at most.
    await tx
      .delete(signInFailures)
      .where(lt(signInFailures.attemptedAt, windowStart(now)));
  });
}

/** A right password clears the email's count (not the address's). */
export async function clearSignInFailures(
  db: Pick<Database, "delete">,
  { email }: { email: string },
): Promise<void> {
  await db
    .delete(signInFailures)
    .where(eq(signInFailures.key, emailKey(email)));
}

const windowMs = () => SIGN_IN_WINDOW_MINUTES * 60_000;
const windowStart = (now: Date) => new Date(now.getTime() - windowMs());
