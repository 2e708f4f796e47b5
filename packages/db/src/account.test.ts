import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  changePassword,
  listOpenSessions,
  signOutOtherSessions,
} from "./account.js";
import { createSession, getSessionUser, verifyLogin } from "./auth.js";
import type { DatabaseHandle } from "./client.js";
import { auditEvents, users } from "./schema/index.js";
import {
  openTestDatabase,
  seedTenants,
  TEST_PASSWORD,
  type Tenants,
} from "./testing/index.js";

let handle: DatabaseHandle;
let t: Tenants;

beforeAll(async () => {
  handle = await openTestDatabase();
  t = await seedTenants(handle.db);
});
afterAll(() => handle.close());

async function threeBrowsers(userId: number) {
  const db = handle.db;
  const here = await createSession(db, { userId });
  const laptop = await createSession(db, { userId });
  const phone = await createSession(db, { userId });
  return { here: here.id, laptop: laptop.id, phone: phone.id };
}

const live = async (sessionId: string) =>
  (await getSessionUser(handle.db, { sessionId })) !== null;

async function auditKinds(userId: number, kind: string) {
  const rows = await handle.db
    .select({ programId: auditEvents.programId })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, userId), eq(auditEvents.kind, kind)));
  return rows.map((r) => r.programId);
}

describe("a person's own browsers", () => {
  it("lists live sessions only, this one marked", async () => {
    const userId = t.users.betaUser.id;
    const s = await threeBrowsers(userId);
    const mine = await listOpenSessions(handle.db, {
      userId,
      sessionId: s.here,
    });
    expect(mine).toHaveLength(3);
    expect(mine.filter((x) => x.current)).toHaveLength(1);
    // No session id leaves the server.
    expect(JSON.stringify(mine)).not.toContain(s.laptop);

    // Another person's sessions are not theirs to see.
    const others = await listOpenSessions(handle.db, {
      userId: t.users.alphaUser.id,
      sessionId: s.here,
    });
    expect(others.some((x) => x.current)).toBe(false);
  });

  it("signs out of every other browser, and only the person's", async () => {
    const userId = t.users.alphaUser.id;
    const s = await threeBrowsers(userId);
    const stranger = await createSession(handle.db, {
      userId: t.users.betaUser.id,
    });
    const ended = await signOutOtherSessions(handle.db, {
      userId,
      sessionId: s.here,
    });
    expect(ended).toBe(2);
    expect(await live(s.here)).toBe(true);
    expect(await live(s.laptop)).toBe(false);
    expect(await live(s.phone)).toBe(false);
    expect(await live(stranger.id)).toBe(true);
    expect(await auditKinds(userId, "sessions.ended")).toEqual([t.acme.id]);

    // Nothing left to end: nothing recorded.
    expect(
      await signOutOtherSessions(handle.db, { userId, sessionId: s.here }),
    ).toBe(0);
    expect(await auditKinds(userId, "sessions.ended")).toHaveLength(1);
  });
});

describe("changing a password", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const userId = t.users.omegaUser.id;
    const s = await threeBrowsers(userId);
    const [before] = await handle.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, userId));
    const changed = await changePassword(handle.db, {
      userId,
      sessionId: s.here,
      current: "not the password",
      password: "a brand new secret",
    });
    expect(changed).toMatchObject({ ok: false, error: "wrong_current" });
    const [after] = await handle.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, userId));
    expect(after!.hash).toBe(before!.hash);
    expect(await live(s.laptop)).toBe(true);
  });

  it("refuses the current password as the new one, ending nothing", async () => {
    const { id: userId } = t.users.alphaAdmin;
    const s = await threeBrowsers(userId);
    const changed = await changePassword(handle.db, {
      userId,
      sessionId: s.here,
      current: TEST_PASSWORD,
      password: TEST_PASSWORD,
    });
    expect(changed).toEqual({
      ok: false,
      error: "same_as_current",
      message: "The new password is the same as the current one.",
    });
    expect(await live(s.laptop)).toBe(true);
    expect(await live(s.phone)).toBe(true);
    expect(await auditKinds(userId, "password.changed")).toEqual([]);
  });

  it("sets the new one, keeps this browser and ends the others", async () => {
    const { id: userId, email } = t.users.otherStaff;
    const s = await threeBrowsers(userId);
    const changed = await changePassword(handle.db, {
      userId,
      sessionId: s.here,
      current: TEST_PASSWORD,
      password: "a brand new secret",
    });
    expect(changed).toEqual({ ok: true, value: { sessionsEnded: 2 } });
    expect(await live(s.here)).toBe(true);
    expect(await live(s.laptop)).toBe(false);
    expect(await live(s.phone)).toBe(false);

    const db = handle.db;
    expect(await verifyLogin(db, { email, password: TEST_PASSWORD })).toBe(
      null,
    );
    const signedIn = await verifyLogin(db, {
      email,
      password: "a brand new secret",
    });
    expect(signedIn?.id).toBe(userId);
    // Argon2id, never the password itself.
    expect(signedIn?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await auditKinds(userId, "password.changed")).toEqual([t.other.id]);
  });
});
