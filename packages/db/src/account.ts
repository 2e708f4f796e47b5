import { verify } from "@node-rs/argon2";
import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { hashPassword } from "./auth.js";
import type { Database } from "./client.js";
import { auditInEveryProgram } from "./password-resets.js";
import { fail, ok, type Result } from "./result.js";
import { sessions, users } from "./schema/index.js";

/** A browser a person is signed in on; the id stays on the server. */
export interface OpenSession {
  createdAt: Date;
  expiresAt: Date;
  /** As named at sign-in ("Chrome 131 on Linux"); null when unknown. */
  browser: string | null;
  /** The browser asking. */
  current: boolean;
}

/** The person's live sessions, newest first. */
export async function listOpenSessions(
  db: Database,
  input: { userId: number; sessionId: string; now?: Date },
): Promise<OpenSession[]> {
  const rows = await db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      browser: sessions.browser,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, input.userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, input.now ?? new Date()),
      ),
    )
    .orderBy(desc(sessions.createdAt), desc(sessions.id));
  return rows.map(({ id, ...row }) => ({
    ...row,
    current: id === input.sessionId,
  }));
}

async function endOtherSessions(
  tx: Pick<Database, "update">,
  input: { userId: number; sessionId: string; now: Date },
): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: input.now })
    .where(
      and(
        eq(sessions.userId, input.userId),
        isNull(sessions.revokedAt),
        ne(sessions.id, input.sessionId),
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

/**
 * Signs the person out of every browser but this one, so a lost
 * laptop's cookie stops working at once. Returns how many ended.
 */
export async function signOutOtherSessions(
  db: Database,
  input: { userId: number; sessionId: string; now?: Date },
): Promise<number> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const ended = await endOtherSessions(tx, { ...input, now });
    if (ended > 0) {
      await auditInEveryProgram(
        tx,
        input.userId,
        "sessions.ended",
        `Signed out of ${ended} other browser${ended === 1 ? "" : "s"}`,
      );
    }
    return ended;
  });
}

export type PasswordChangeProblem = "wrong_current" | "same_as_current";

/**
 * Sets a new password when the current one is given rightly; every
 * other session of the person ends, this browser stays signed in.
 */
export async function changePassword(
  db: Database,
  input: {
    userId: number;
    sessionId: string;
    current: string;
    password: string;
    now?: Date;
  },
): Promise<Result<{ sessionsEnded: number }, PasswordChangeProblem>> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!user || !(await verify(user.passwordHash, input.current))) {
    return fail("wrong_current", "The current password is not right.");
  }
  // Not a change: it would only sign the other browsers out.
  if (input.password === input.current) {
    return fail(
      "same_as_current",
      "The new password is the same as the current one.",
    );
  }
  const passwordHash = await hashPassword(input.password);
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, input.userId));
    const sessionsEnded = await endOtherSessions(tx, { ...input, now });
    await auditInEveryProgram(
      tx,
      input.userId,
      "password.changed",
      "Changed their password",
    );
    return ok({ sessionsEnded });
  });
}
