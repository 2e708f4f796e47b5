import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "./client.js";
import {
  memberships,
  partners,
  programs,
  sessions,
  users,
  type Role,
} from "./schema/index.js";

export type User = typeof users.$inferSelect;

const SESSION_DAYS = 30;

/** argon2id with the library's defaults (OWASP's minimum or above). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function createUser(
  db: Database,
  input: { email: string; name: string; password: string },
): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({
      email: input.email.trim(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
    })
    .returning();
  return user!;
}

export async function addMembership(
  db: Database,
  input: {
    programId: number;
    userId: number;
    role: Role;
    partnerId?: number | null;
  },
): Promise<void> {
  const partnerRole = input.role.startsWith("partner_");
  if (partnerRole !== (input.partnerId != null)) {
    throw new Error("partner roles, and only they, name a partner");
  }
  await db.insert(memberships).values({
    programId: input.programId,
    userId: input.userId,
    role: input.role,
    partnerId: input.partnerId ?? null,
  });
}

/**
 * The user with that email and password, or null. A hash is checked even
 * for an unknown email, so timing does not tell which emails exist.
 */
export async function verifyLogin(
  db: Database,
  { email, password }: { email: string; password: string },
): Promise<User | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  const stored = user?.passwordHash ?? (await dummyHash());
  const matches = await verify(stored, password);
  return user && matches ? user : null;
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hash(randomBytes(16).toString("hex"));
  return dummy;
}

export async function createSession(
  db: Database,
  {
    userId,
    programId = null,
    browser = null,
  }: {
    userId: number;
    /** Works in this program first. */
    programId?: number | null;
    /** The browser as its person would name it ("Firefox 128 on Linux"). */
    browser?: string | null;
  },
): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({
    id,
    userId,
    expiresAt,
    currentProgramId: programId,
    browser: browser?.slice(0, 100) ?? null,
  });
  return { id, expiresAt };
}

export async function revokeSession(
  db: Database,
  { sessionId }: { sessionId: string },
): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export interface Membership {
  programId: number;
  programName: string;
  role: Role;
  partnerId: number | null;
  partnerName: string | null;
}

export interface SessionUser {
  sessionId: string;
  /** The program this browser works in, as chosen; checked by readers. */
  currentProgramId: number | null;
  user: Pick<User, "id" | "email" | "name">;
  memberships: Membership[];
}

/** The live session's user and memberships; null when signed out. */
export async function getSessionUser(
  db: Database,
  { sessionId }: { sessionId: string },
): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      currentProgramId: sessions.currentProgramId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
      ),
    );
  if (!row) return null;
  const { currentProgramId, ...user } = row;
  return {
    sessionId,
    currentProgramId,
    user,
    memberships: await listMemberships(db, { userId: row.id }),
  };
}

export async function listMemberships(
  db: Database,
  { userId }: { userId: number },
): Promise<Membership[]> {
  return db
    .select({
      programId: memberships.programId,
      programName: programs.name,
      role: memberships.role,
      partnerId: memberships.partnerId,
      partnerName: partners.name,
    })
    .from(memberships)
    .innerJoin(programs, eq(programs.id, memberships.programId))
    .leftJoin(partners, eq(partners.id, memberships.partnerId))
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.id);
}

/**
 * Makes a program the session's current one, only if the session's
 * person is a member of it. False (nothing changed) otherwise.
 */
export async function setCurrentProgram(
  db: Database,
  input: { sessionId: string; programId: number },
): Promise<boolean> {
  const changed = await db
    .update(sessions)
    .set({ currentProgramId: input.programId })
    .where(
      and(
        eq(sessions.id, input.sessionId),
        isNull(sessions.revokedAt),
        sql`exists (select 1 from ${memberships}
          where ${memberships.userId} = ${sessions.userId}
            and ${memberships.programId} = ${input.programId})`,
      ),
    )
    .returning({ id: sessions.id });
  return changed.length > 0;
}

/** The membership a session works in: the chosen one, else the first. */
export function currentMembership(
  sessionUser: Pick<SessionUser, "currentProgramId" | "memberships">,
): Membership | null {
  const chosen = sessionUser.memberships.find(
    (m) => m.programId === sessionUser.currentProgramId,
  );
  return chosen ?? sessionUser.memberships[0] ?? null;
}
