import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { recordAudit } from "./audit.js";
import { hashPassword } from "./auth.js";
import type { Database } from "./client.js";
import { enqueueMail } from "./notifications.js";
import { fail, ok, type Result } from "./result.js";
import { clearSignInFailures } from "./sign-in-limits.js";
import {
  memberships,
  passwordResets,
  sessions,
  users,
} from "./schema/index.js";
import { hashToken, newToken, normaliseEmail } from "./tokens.js";

/** How long a reset link works, and how many a person gets an hour. */
export const RESET_MINUTES = 60;
export const RESETS_PER_HOUR = 3;

/**
 * Queues a reset link for the address if a person has it; says nothing
 * either way, so the answer does not tell which addresses exist. A
 * fourth request within the hour sends no more mail.
 */
export async function requestPasswordReset(
  db: Database,
  input: {
    email: string;
    linkFor: (token: string) => string;
    now?: Date;
  },
): Promise<void> {
  const now = input.now ?? new Date();
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(sql`lower(${users.email})`, normaliseEmail(input.email)));
    if (!user) return;
    const hourAgo = new Date(now.getTime() - 3_600_000);
    const recent = await tx
      .select({ id: passwordResets.id })
      .from(passwordResets)
      .where(
        and(
          eq(passwordResets.userId, user.id),
          gt(passwordResets.createdAt, hourAgo),
        ),
      );
    if (recent.length >= RESETS_PER_HOUR) return;
    const { token, hash } = newToken();
    await tx.insert(passwordResets).values({
      userId: user.id,
      tokenHash: hash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
    });
    // Shown in the development outbox of the person's first program.
    const [first] = await tx
      .select({ programId: memberships.programId })
      .from(memberships)
      .where(eq(memberships.userId, user.id))
      .orderBy(memberships.id)
      .limit(1);
    await enqueueMail(tx, {
      programId: first?.programId ?? null,
      userId: user.id,
      toAddress: user.email,
      subject: "Reset your Tandem password",
      text: [
        "Someone asked to reset the password of your Tandem account.",
        "",
        `Open this link within ${RESET_MINUTES} minutes to choose a new one:`,
        input.linkFor(token),
        "",
        "If it was not you, ignore this mail; your password stays as it is.",
      ].join("\n"),
    });
  });
}

export type ResetProblem = "unknown" | "expired" | "used";

/** Whether a reset link still works (for showing its form). */
export async function checkPasswordReset(
  db: Database,
  { token, now = new Date() }: { token: string; now?: Date },
): Promise<Result<{ userId: number }, ResetProblem>> {
  const [row] = await db
    .select()
    .from(passwordResets)
    .where(eq(passwordResets.tokenHash, hashToken(token)));
  if (!row) return fail("unknown", "This reset link is not valid.");
  if (row.usedAt) {
    return fail("used", "This reset link has been used. Ask for a new one.");
  }
  if (row.expiresAt <= now) {
    return fail("expired", "This reset link has expired. Ask for a new one.");
  }
  return ok({ userId: row.userId });
}

/**
 * Sets a new password through a reset link, once; ends every session
 * of the person and every other open reset link of theirs.
 */
export async function resetPassword(
  db: Database,
  input: { token: string; password: string; now?: Date },
): Promise<Result<{ userId: number }, ResetProblem>> {
  const now = input.now ?? new Date();
  const checked = await checkPasswordReset(db, { token: input.token, now });
  if (!checked.ok) return checked;
  const { userId } = checked.value;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(input.token)),
          isNull(passwordResets.usedAt),
        ),
      )
      .returning({ id: passwordResets.id });
    if (!claimed) {
      return fail("used", "This reset link has been used. Ask for a new one.");
    }
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.userId, userId),
          isNull(passwordResets.usedAt),
          ne(passwordResets.id, claimed.id),
        ),
      );
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, userId))
      .returning({ email: users.email });
    // The reset proves the person holds the mailbox: the failed sign-ins
    // under their email no longer count (those of an address still do).
    await clearSignInFailures(tx, { email: user!.email });
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    await auditInEveryProgram(
      tx,
      userId,
      "password.reset",
      "Reset their password",
    );
    return ok({ userId });
  });
}

/** A person's own change shows in the log of each program they are in. */
export async function auditInEveryProgram(
  tx: Pick<Database, "select" | "insert">,
  userId: number,
  kind: string,
  summary: string,
): Promise<void> {
  const rows = await tx
    .select({
      programId: memberships.programId,
      partnerId: memberships.partnerId,
    })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  for (const row of rows) {
    await recordAudit(tx, {
      ...row,
      actorId: userId,
      kind,
      subjectType: "user",
      subjectId: userId,
      summary,
    });
  }
}
