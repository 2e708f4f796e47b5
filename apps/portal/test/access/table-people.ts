import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { invitations } from "@tandem/db/schema";
import { access, everyone, OWNERS, type Actor } from "./actors.js";
import type { Fixtures } from "./fixtures.js";
import { ALPHA_INVITEE } from "./fixtures-people.js";
import type { Params, Probe } from "./probe.js";

/**
 * People, invitations, the audit log, the outbox, password resets and
 * program switching (decisions 0014, 0015). The table's entries for
 * the onboarding routes; see ./table.ts.
 */
export const PEOPLE_ACCESS: Record<string, Probe[]> = {};

const ADMINS = access({ sees: ["ownerAdmin", "alphaAdmin"] });
const OWNER_ADMIN = access({ sees: ["ownerAdmin"] });
const PASSWORDS = {
  password: "a new walk password",
  confirm: "a new walk password",
};
const UNKNOWN = "?token=unknown-walk-token-0000";
const id = (n: number) => String(n);
const freshInvitation =
  (partner: "alpha" | "beta") => async (f: Fixtures, actor: Actor) => ({
    invitationId: id(await f.people.fresh.invitation(partner, actor)),
  });
const freshMember =
  (side: "alpha" | "beta" | "owner") => async (f: Fixtures, actor: Actor) => ({
    membershipId: id(await f.people.fresh.member(side, actor)),
  });
const membership =
  (planted: (f: Fixtures) => number, role?: string) =>
  (f: Fixtures, _a: Actor, target: Params | null) => ({
    intent: role ? "role" : "remove",
    membershipId: target?.membershipId ?? id(planted(f)),
    ...(role ? { role } : {}),
  });
const ann = (f: Fixtures) => f.people.annMembership;
const bob = (f: Fixtures) => f.people.bobMembership;
const staff = (f: Fixtures) => f.people.staffMembership;

PEOPLE_ACCESS["people.tsx"] = [
  {
    access: ADMINS,
    shows: () => ALPHA_INVITEE,
    then: (a, _actor, f) =>
      expect(JSON.stringify(a.body)).toContain(f.t.users.alphaUser.email),
  },
  {
    // A partner admin's invitation is to its own partner, whatever
    // partner the form names.
    name: "invite",
    form: (f, actor) => ({
      intent: "invite",
      email: `invitee-of-${actor}@walk.test`,
      role: "partner_user",
      partnerId: id(actor === "alphaAdmin" ? f.t.beta.id : f.t.alpha.id),
    }),
    access: ADMINS,
    async then(a, actor, f) {
      expect(a.location).toBe("/people?sent=1");
      const [row] = await f.portal.handle.db
        .select({ partnerId: invitations.partnerId })
        .from(invitations)
        .where(eq(invitations.email, `invitee-of-${actor}@walk.test`));
      expect(row?.partnerId).toBe(f.t.alpha.id);
    },
  },
  {
    // Another program's partner is no partner here: bad input.
    name: "invite into the other program's partner",
    form: (f, actor) => ({
      intent: "invite",
      email: `omega-try-of-${actor}@walk.test`,
      role: "partner_user",
      partnerId: id(f.t.omega.id),
    }),
    access: access({ invalid: ["ownerAdmin"], sees: ["alphaAdmin"] }),
  },
  {
    name: "invite owner staff",
    form: (_f, actor) => ({
      intent: "invite",
      email: `staff-of-${actor}@walk.test`,
      role: "owner_staff",
    }),
    access: OWNER_ADMIN,
  },
  {
    name: "invite-partner",
    form: (_f, actor) => ({
      intent: "invite-partner",
      partnerName: `Walk company of ${actor}`,
      email: `first-of-${actor}@walk.test`,
    }),
    access: OWNER_ADMIN,
  },
  {
    name: "revoke Alpha's",
    fresh: freshInvitation("alpha"),
    form: (f, _a, target) => ({
      intent: "revoke",
      invitationId: target?.invitationId ?? id(f.people.alphaInvitation),
    }),
    access: ADMINS,
  },
  {
    name: "revoke Beta's",
    fresh: freshInvitation("beta"),
    form: (f, _a, target) => ({
      intent: "revoke",
      invitationId: target?.invitationId ?? id(f.people.betaInvitation),
    }),
    access: OWNER_ADMIN,
  },
  {
    name: "role of Alpha's",
    fresh: freshMember("alpha"),
    form: membership(ann, "partner_admin"),
    access: ADMINS,
  },
  {
    name: "role of Beta's",
    fresh: freshMember("beta"),
    form: membership(bob, "partner_admin"),
    access: OWNER_ADMIN,
  },
  {
    // Owner roles are the owner admins' to give.
    name: "role of the owner's staff",
    fresh: freshMember("owner"),
    form: membership(staff, "owner_admin"),
    access: OWNER_ADMIN,
  },
  {
    name: "remove Alpha's",
    fresh: freshMember("alpha"),
    form: membership(ann),
    access: ADMINS,
  },
  {
    name: "remove Beta's",
    fresh: freshMember("beta"),
    form: membership(bob),
    access: OWNER_ADMIN,
  },
];

PEOPLE_ACCESS["audit.tsx"] = [
  { access: OWNER_ADMIN, shows: () => '"Alpha"' },
  {
    // Another program's partner and person, typed into the filters.
    name: "the other program's partner",
    query: (f) =>
      `?partner=000${f.t.omega.id}&person=000${f.t.users.omegaUser.id}`,
    access: OWNER_ADMIN,
    then: (a) => expect(a.body).toMatchObject({ events: [] }),
  },
];

PEOPLE_ACCESS["outbox.tsx"] = [
  { access: OWNER_ADMIN, shows: (f) => f.people.alphaToken },
];

PEOPLE_ACCESS["switch-program.ts"] = [
  { access: everyone("apart"), then: (a) => expect(a.location).toBe("/leads") },
  {
    name: "into Acme",
    form: (f) => ({ programId: id(f.t.acme.id) }),
    access: access({
      sees: [...OWNERS, "alphaAdmin", "alphaUser"],
      apart: ["betaUser"],
    }),
    then: (a) => expect(a.location).toBe("/leads"),
  },
  {
    name: "into Other",
    form: (f) => ({ programId: id(f.t.other.id) }),
    access: access({ apart: ["otherStaff", "omegaUser"] }),
    then: (a) => expect(a.location).toBe("/leads"),
  },
];

// The token is the key: whoever holds it may see and use it.
const NO_TOKEN = { access: everyone("refused"), refusal: [404] } as const;
PEOPLE_ACCESS["invitations.accept.tsx"] = [
  { name: "no token", ...NO_TOKEN },
  { name: "an unknown token", query: () => UNKNOWN, ...NO_TOKEN },
  {
    name: "an open invitation",
    query: (f) => `?token=${f.people.openToken}`,
    access: everyone("apart"),
    then: (a) =>
      expect(a.body).toMatchObject({ email: "new.person@walk.test" }),
  },
  {
    name: "a used invitation",
    query: (f) => `?token=${f.people.usedToken}`,
    access: everyone("refused"),
    refusal: [410],
  },
  {
    name: "accept an unknown token",
    query: () => UNKNOWN,
    form: () => ({ name: "Walker", ...PASSWORDS }),
    ...NO_TOKEN,
  },
  {
    // Only its addressee, signed in, accepts an invitation to an
    // account: others get 403, nobody 401.
    name: "accept another's account's",
    query: (f) => `?token=${f.people.accountToken}`,
    form: () => ({}),
    access: everyone("refused"),
    refusal: [401, 403],
  },
  {
    name: "accept a used one",
    query: (f) => `?token=${f.people.usedToken}`,
    form: () => ({ name: "Walker", ...PASSWORDS }),
    access: everyone("refused"),
    refusal: [410],
  },
  {
    name: "accept as a new person",
    fresh: async (f, actor) => ({
      token: await f.people.fresh.invitationToken(actor),
    }),
    query: (_f, target) => `?token=${target?.token ?? ""}`,
    form: (_f, actor) => ({ name: `Joiner ${actor}`, ...PASSWORDS }),
    access: everyone("sees"),
    then: (a) => expect(a.location).toBe("/leads"),
  },
];

// The same answer whether the address has an account or not.
const SENT = (a: { location: string | null }) =>
  expect(a.location).toBe("/password/forgot?sent=1");
PEOPLE_ACCESS["password.forgot.tsx"] = [
  { access: everyone("apart") },
  {
    name: "an account's address",
    form: (f, actor) => ({
      email:
        actor === "nobody" ? f.t.users.alphaUser.email : f.t.users[actor].email,
    }),
    access: everyone("apart"),
    then: SENT,
  },
  {
    name: "no account's address",
    form: () => ({ email: "no.account@walk.test" }),
    access: everyone("apart"),
    then: SENT,
  },
];

PEOPLE_ACCESS["password.reset.tsx"] = [
  { name: "no token", ...NO_TOKEN },
  { name: "an unknown token", query: () => UNKNOWN, ...NO_TOKEN },
  {
    name: "an open link",
    query: (f) => `?token=${f.people.resetToken}`,
    access: everyone("apart"),
  },
  {
    name: "a used link",
    query: (f) => `?token=${f.people.usedResetToken}`,
    access: everyone("refused"),
    refusal: [410],
  },
  {
    name: "reset by an unknown token",
    query: () => UNKNOWN,
    form: () => PASSWORDS,
    ...NO_TOKEN,
  },
  {
    name: "reset by a used link",
    query: (f) => `?token=${f.people.usedResetToken}`,
    form: () => PASSWORDS,
    access: everyone("refused"),
    refusal: [410],
  },
  {
    name: "reset",
    fresh: async (f, actor) => ({
      token: await f.people.fresh.resetToken(actor),
    }),
    query: (_f, target) => `?token=${target?.token ?? ""}`,
    form: () => PASSWORDS,
    access: everyone("sees"),
    then: (a) => expect(a.location).toBe("/login?done=reset"),
  },
];
