import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMemberships, signInAllowed } from "@tandem/db";
import {
  auditEvents,
  invitations,
  memberships,
  outboxMessages,
  partners,
  users,
} from "@tandem/db/schema";
import { TEST_PASSWORD } from "@tandem/db/testing";
import * as accept from "~/routes/invitations.accept.js";
import * as leads from "~/routes/leads._index.js";
import * as login from "~/routes/login.js";
import * as forgot from "~/routes/password.forgot.js";
import * as reset from "~/routes/password.reset.js";
import * as people from "~/routes/people.js";
import * as root from "~/root.js";
import * as switchProgram from "~/routes/switch-program.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

let portal: TestPortal;
let cookies: Record<string, string>;

beforeAll(async () => {
  portal = await startPortal();
  cookies = {};
  for (const [name, user] of Object.entries(portal.t.users)) {
    cookies[name] = await cookieFor(portal.handle, user.id);
  }
}, 120_000);
afterAll(() => portal.close());

/** The token of the newest mail to an address, as the link carries it. */
async function linkTo(address: string): Promise<string> {
  const [mail] = await portal.handle.db
    .select({ text: outboxMessages.textBody })
    .from(outboxMessages)
    .where(eq(outboxMessages.toAddress, address))
    .orderBy(desc(outboxMessages.id))
    .limit(1);
  const link = mail!.text.match(/http:\/\/localhost\/\S+/)![0];
  return link.replace("http://localhost", "");
}

function invite(cookie: string, form: Record<string, string>) {
  return call(people.action, "/people", { cookie, form });
}

describe("inviting people", () => {
  it("adds a new partner company and invites its first admin, who joins", async () => {
    const made = await invite(cookies.ownerAdmin!, {
      intent: "invite-partner",
      partnerName: "Gamma Consulting",
      email: "gina@gamma.test",
    });
    expect(made.status).toBe(302);
    const { db } = portal.handle;
    const [gamma] = await db
      .select()
      .from(partners)
      .where(eq(partners.name, "Gamma Consulting"));
    expect(gamma!.programId).toBe(portal.t.acme.id);

    const path = await linkTo("gina@gamma.test");
    expect(path).toMatch(/^\/invitations\/accept\?token=[\w-]{40,}$/);
    const [stored] = await db
      .select({ tokenHash: invitations.tokenHash })
      .from(invitations)
      .where(eq(invitations.email, "gina@gamma.test"));
    expect(path).not.toContain(stored!.tokenHash);

    const page = await call(accept.loader, path);
    expect(page.body).toMatchObject({
      problem: null,
      partnerName: "Gamma Consulting",
      roleName: "partner admin",
      hasAccount: false,
    });

    const short = await call(accept.action, path, {
      form: { name: "Gina", password: "short", confirm: "short" },
    });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain("at least 10");
    expect(short.body).toMatchObject({ name: "Gina" });

    const joined = await call(accept.action, path, {
      form: {
        name: "Gina",
        password: "a long passphrase",
        confirm: "a long passphrase",
      },
    });
    expect(joined.status).toBe(302);
    const cookie = joined.headers.get("Set-Cookie")!.split(";")[0]!;
    const mine = await call(leads.loader, "/leads", { cookie });
    expect(mine.status).toBe(200);
    const [gina] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "gina@gamma.test"));
    expect(await listMemberships(db, { userId: gina!.id })).toMatchObject([
      {
        programId: portal.t.acme.id,
        role: "partner_admin",
        partnerId: gamma!.id,
      },
    ]);

    const again = await call(accept.loader, path);
    expect(again.status).toBe(410);
    expect(JSON.stringify(again.body)).toContain("accepted already");
    const replay = await call(accept.action, path, {
      form: {
        name: "Mallory",
        password: "another long one",
        confirm: "another long one",
      },
    });
    expect(replay.status).toBe(410);
  });

  it("answers an unknown, expired or withdrawn link with a clear page", async () => {
    const unknown = await call(accept.loader, "/invitations/accept?token=nope");
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toContain("not valid");

    await invite(cookies.ownerAdmin!, {
      intent: "invite",
      email: "late@alpha.test",
      role: "partner_user",
      partnerId: String(portal.t.alpha.id),
    });
    const path = await linkTo("late@alpha.test");
    await portal.handle.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, "late@alpha.test"));
    const expired = await call(accept.loader, path);
    expect(expired.status).toBe(410);
    expect(JSON.stringify(expired.body)).toContain("expired");

    // Inviting the same address again replaces the pending invitation.
    await invite(cookies.ownerAdmin!, {
      intent: "invite",
      email: "twice@alpha.test",
      role: "partner_user",
      partnerId: String(portal.t.alpha.id),
    });
    const first = await linkTo("twice@alpha.test");
    await invite(cookies.ownerAdmin!, {
      intent: "invite",
      email: "Twice@alpha.test",
      role: "partner_admin",
      partnerId: String(portal.t.alpha.id),
    });
    const replaced = await call(accept.loader, first);
    expect(replaced.status).toBe(410);
    expect(JSON.stringify(replaced.body)).toContain("withdrawn or replaced");
    const listed = await call(people.loader, "/people", {
      cookie: cookies.ownerAdmin,
    });
    const states = (
      listed.body as { invitations: { email: string; state: string }[] }
    ).invitations
      .filter((i) => i.email.toLowerCase() === "twice@alpha.test")
      .map((i) => i.state);
    expect(states).toEqual(["open", "revoked"]);
  });

  it("refuses inviting a member again and naming another program's partner", async () => {
    const member = await invite(cookies.ownerAdmin!, {
      intent: "invite",
      email: "ANN@alpha.test",
      role: "partner_user",
      partnerId: String(portal.t.alpha.id),
    });
    expect(member.status).toBe(409);
    const foreign = await invite(cookies.ownerAdmin!, {
      intent: "invite",
      email: "x@omega.test",
      role: "partner_user",
      partnerId: String(portal.t.omega.id),
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ values: { email: "x@omega.test" } });
    for (const [email, message] of [
      ["", "Enter the email address of the person to invite."],
      [
        "kim(at)kestrel",
        "That is not an email address; check it, such as ann@example.com.",
      ],
    ] as const) {
      const bad = await invite(cookies.ownerAdmin!, {
        intent: "invite",
        email,
        role: "owner_staff",
      });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ errors: { email: [message] } });
    }
  });

  it("lets an existing account join another program after signing in as itself", async () => {
    const otherAdmin = await cookieFor(
      portal.handle,
      portal.t.users.otherStaff.id,
    );
    // Other's staff may not invite; make an admin there by hand.
    const { db } = portal.handle;
    await db
      .update(memberships)
      .set({ role: "owner_admin" })
      .where(eq(memberships.userId, portal.t.users.otherStaff.id));
    const sent = await invite(otherAdmin, {
      intent: "invite",
      email: "ann@alpha.test",
      role: "partner_user",
      partnerId: String(portal.t.omega.id),
    });
    expect(sent.status).toBe(302);
    const path = await linkTo("ann@alpha.test");

    const anonymous = await call(accept.loader, path);
    expect(anonymous.body).toMatchObject({
      hasAccount: true,
      isAddressee: false,
    });
    const refused = await call(accept.action, path, { form: {} });
    expect(refused.status).toBe(401);
    const wrong = await call(accept.action, path, {
      cookie: cookies.betaUser,
      form: {},
    });
    expect(wrong.status).toBe(403);

    const ann = cookies.alphaUser!;
    const joined = await call(accept.action, path, { cookie: ann, form: {} });
    expect(joined.status).toBe(302);
    // Joining switched this browser to the new program.
    const nav = await call(root.loader, "/leads", { cookie: ann });
    expect(nav.body).toMatchObject({
      user: { programId: portal.t.other.id, partnerName: "Omega" },
    });
    expect(
      (nav.body as { user: { programs: unknown[] } }).user.programs,
    ).toHaveLength(2);

    // Back to Acme, and never into a program Ann is not a member of.
    const back = await call(switchProgram.action, "/switch-program", {
      cookie: ann,
      form: { programId: String(portal.t.acme.id) },
    });
    expect(back.status).toBe(302);
    const acme = await call(root.loader, "/leads", { cookie: ann });
    expect(acme.body).toMatchObject({ user: { programId: portal.t.acme.id } });
    const stranger = await call(switchProgram.action, "/switch-program", {
      cookie: cookies.betaUser,
      form: { programId: String(portal.t.other.id) },
    });
    expect(stranger.status).toBe(403);
    const beta = await call(root.loader, "/leads", {
      cookie: cookies.betaUser,
    });
    expect(beta.body).toMatchObject({ user: { programId: portal.t.acme.id } });
    await db
      .update(memberships)
      .set({ role: "owner_staff" })
      .where(eq(memberships.userId, portal.t.users.otherStaff.id));
  });
});

describe("a partner admin", () => {
  it("invites, re-roles and removes people of its own company only", async () => {
    const admin = cookies.alphaAdmin!;
    const own = await invite(admin, {
      intent: "invite",
      email: "new@alpha.test",
      role: "partner_user",
      partnerId: String(portal.t.beta.id),
    });
    expect(own.status).toBe(302);
    const [made] = await portal.handle.db
      .select({ partnerId: invitations.partnerId })
      .from(invitations)
      .where(eq(invitations.email, "new@alpha.test"));
    expect(made!.partnerId).toBe(portal.t.alpha.id);

    for (const form of [
      { intent: "invite", email: "boss@acme.test", role: "owner_admin" },
      { intent: "invite-partner", partnerName: "Mine", email: "m@m.test" },
    ] as Record<string, string>[]) {
      expect((await invite(admin, form)).status).toBe(403);
    }

    const list = await call(people.loader, "/people", { cookie: admin });
    const names = (list.body as { people: { email: string }[] }).people.map(
      (p) => p.email,
    );
    expect(names).toContain("ann@alpha.test");
    expect(names).not.toContain("bob@beta.test");
    expect(names).not.toContain("admin@acme.test");

    const { db } = portal.handle;
    const membershipOf = async (userId: number) =>
      (
        await db
          .select({ id: memberships.id, role: memberships.role })
          .from(memberships)
          .where(
            and(
              eq(memberships.userId, userId),
              eq(memberships.programId, portal.t.acme.id),
            ),
          )
      )[0]!;
    const bob = await membershipOf(portal.t.users.betaUser.id);
    for (const form of [
      { intent: "role", membershipId: String(bob.id), role: "partner_admin" },
      { intent: "remove", membershipId: String(bob.id) },
    ] as Record<string, string>[]) {
      expect((await invite(admin, form)).status).toBe(404);
    }
    expect((await membershipOf(portal.t.users.betaUser.id)).role).toBe(
      "partner_user",
    );
    const staff = await membershipOf(portal.t.users.ownerStaff.id);
    expect(
      (
        await invite(admin, {
          intent: "role",
          membershipId: String(staff.id),
          role: "owner_admin",
        })
      ).status,
    ).toBe(403);

    const ann = await membershipOf(portal.t.users.alphaUser.id);
    const promoted = await invite(admin, {
      intent: "role",
      membershipId: String(ann.id),
      role: "partner_admin",
    });
    expect(promoted.status).toBe(302);
    expect((await membershipOf(portal.t.users.alphaUser.id)).role).toBe(
      "partner_admin",
    );
    await invite(admin, {
      intent: "role",
      membershipId: String(ann.id),
      role: "partner_user",
    });
  });

  it("withdraws invitations of its own partner only", async () => {
    const { db } = portal.handle;
    const invitationOf = async (address: string) =>
      (
        await db
          .select({ id: invitations.id, revokedAt: invitations.revokedAt })
          .from(invitations)
          .where(eq(invitations.email, address))
      )[0]!;
    await invite(cookies.ownerAdmin!, {
      intent: "invite",
      email: "carl@beta.test",
      role: "partner_user",
      partnerId: String(portal.t.beta.id),
    });
    const betaLink = await linkTo("carl@beta.test");
    const beta = await invitationOf("carl@beta.test");
    const admin = cookies.alphaAdmin!;
    const listed = await call(people.loader, "/people", { cookie: admin });
    expect(JSON.stringify(listed.body)).not.toContain("carl@beta.test");
    const foreign = await invite(admin, {
      intent: "revoke",
      invitationId: String(beta.id),
    });
    expect(foreign.status).toBe(404);
    expect((await invitationOf("carl@beta.test")).revokedAt).toBeNull();

    await invite(admin, {
      intent: "invite",
      email: "dora@alpha.test",
      role: "partner_user",
    });
    const alphaLink = await linkTo("dora@alpha.test");
    const own = await invitationOf("dora@alpha.test");
    const revoked = await invite(admin, {
      intent: "revoke",
      invitationId: String(own.id),
    });
    expect(revoked.status).toBe(302);
    expect((await call(accept.loader, alphaLink)).status).toBe(410);
    // Withdrawing twice finds no open invitation.
    const again = await invite(admin, {
      intent: "revoke",
      invitationId: String(own.id),
    });
    expect(again.status).toBe(404);

    const owner = await invite(cookies.ownerAdmin!, {
      intent: "revoke",
      invitationId: String(beta.id),
    });
    expect(owner.status).toBe(302);
    expect((await call(accept.loader, betaLink)).status).toBe(410);
  });

  it("cannot be reached by partner users or owner staff", async () => {
    for (const who of ["alphaUser", "ownerStaff", "betaUser"]) {
      const page = await call(people.loader, "/people", {
        cookie: cookies[who],
      });
      expect(page.status).toBe(403);
    }
  });
});

describe("signing in", () => {
  it("locks an email out after five failures, with 429, until the window passes", async () => {
    const email = "bob@beta.test";
    const attempt = (password: string, address = "10.0.0.1") =>
      call(login.action, "/login", {
        form: { email, password },
        context: { clientAddress: address },
      });
    for (let i = 0; i < 5; i += 1) {
      expect((await attempt("wrong")).status).toBe(401);
    }
    const locked = await attempt(TEST_PASSWORD, "10.0.0.2");
    expect(locked.status).toBe(429);
    expect(JSON.stringify(locked.body)).toContain("Too many failed sign-ins");
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(800);
    expect(locked.body).toMatchObject({ email });
    // The count lives in the database: it holds for any process, and
    // lifts when the window has passed.
    const later = new Date(Date.now() + 16 * 60_000);
    const db = portal.handle.db;
    expect(
      await signInAllowed(db, { email, clientAddress: null }),
    ).toMatchObject({ ok: false });
    expect(
      await signInAllowed(db, { email, clientAddress: null, now: later }),
    ).toEqual({ ok: true });
  });

  it("clears an email's count on a right password", async () => {
    const email = "staff@acme.test";
    const attempt = (password: string) =>
      call(login.action, "/login", {
        form: { email, password },
        context: { clientAddress: "10.0.1.1" },
      });
    for (let i = 0; i < 4; i += 1) await attempt("wrong");
    expect((await attempt(TEST_PASSWORD)).status).toBe(302);
    for (let i = 0; i < 4; i += 1) {
      expect((await attempt("wrong")).status).toBe(401);
    }
    expect((await attempt(TEST_PASSWORD)).status).toBe(302);
  });

  it("limits one client address across many emails", async () => {
    const from = (email: string, address: string) =>
      call(login.action, "/login", {
        form: { email, password: "wrong" },
        context: { clientAddress: address },
      });
    for (let i = 0; i < 20; i += 1) {
      expect((await from(`guess${i}@x.test`, "10.9.9.9")).status).toBe(401);
    }
    expect((await from("fresh@x.test", "10.9.9.9")).status).toBe(429);
    expect((await from("fresh@x.test", "10.9.9.10")).status).toBe(401);
  });
});

describe("resetting a password", () => {
  it("answers alike for any address and mails a link only to an account", async () => {
    const { db } = portal.handle;
    const before = await db.select().from(outboxMessages);
    for (const email of ["nobody@nowhere.test", "admin@acme.test"]) {
      const answer = await call(forgot.action, "/password/forgot", {
        form: { email },
      });
      expect(answer.status).toBe(302);
      expect(answer.location).toBe("/password/forgot?sent=1");
    }
    const after = await db.select().from(outboxMessages);
    const added = after.slice(before.length);
    expect(added.map((m) => m.toAddress)).toEqual(["admin@acme.test"]);
  });

  it("sets a new password once, ending every session of the person", async () => {
    const { db } = portal.handle;
    const email = "admin@acme.test";
    const old = await cookieFor(portal.handle, portal.t.users.ownerAdmin.id);
    const path = await linkTo(email);
    expect(path).toMatch(/^\/password\/reset\?token=/);
    expect((await call(reset.loader, path)).body).toEqual({ problem: null });

    const mismatch = await call(reset.action, path, {
      form: { password: "new password 1", confirm: "new password 2" },
    });
    expect(mismatch.status).toBe(400);
    expect(JSON.stringify(mismatch.body)).toContain("differ");

    const done = await call(reset.action, path, {
      form: { password: "new password 1", confirm: "new password 1" },
    });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/login?done=reset");
    expect((await call(leads.loader, "/leads", { cookie: old })).status).toBe(
      302,
    );
    const signIn = (password: string) =>
      call(login.action, "/login", { form: { email, password } });
    expect((await signIn(TEST_PASSWORD)).status).toBe(401);
    expect((await signIn("new password 1")).status).toBe(302);

    const twice = await call(reset.action, path, {
      form: { password: "third password", confirm: "third password" },
    });
    expect(twice.status).toBe(410);
    expect((await signIn("third password")).status).toBe(401);
    const logged = await db
      .select({
        kind: auditEvents.kind,
        summary: auditEvents.summary,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(eq(auditEvents.kind, "password.reset"));
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged)).not.toContain("new password 1");
    cookies.ownerAdmin = await cookieFor(
      portal.handle,
      portal.t.users.ownerAdmin.id,
    );
  });

  it("lifts the lock on the email's sign-ins, as the lock's message says", async () => {
    const email = "bob@beta.test";
    const signIn = (password: string) =>
      call(login.action, "/login", { form: { email, password } });
    let answer = await signIn("wrong");
    for (let i = 0; i < 20 && answer.status !== 429; i += 1) {
      answer = await signIn("wrong");
    }
    expect(answer.status).toBe(429);
    expect(JSON.stringify(answer.body)).toContain("reset your password");
    await call(forgot.action, "/password/forgot", { form: { email } });
    const path = await linkTo(email);
    const done = await call(reset.action, path, {
      form: { password: "fresh password 1", confirm: "fresh password 1" },
    });
    expect(done.location).toBe("/login?done=reset");
    expect((await signIn("fresh password 1")).status).toBe(302);
  });

  it("refuses an unknown or expired link with a clear page", async () => {
    const unknown = await call(reset.loader, "/password/reset?token=x");
    expect(unknown.status).toBe(404);
    await call(forgot.action, "/password/forgot", {
      form: { email: "bob@beta.test" },
    });
    const path = await linkTo("bob@beta.test");
    const { passwordResets } = await import("@tandem/db/schema");
    await portal.handle.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1) });
    const expired = await call(reset.action, path, {
      form: { password: "new password 9", confirm: "new password 9" },
    });
    expect(expired.status).toBe(410);
    expect(JSON.stringify(expired.body)).toContain("expired");
  });
});
