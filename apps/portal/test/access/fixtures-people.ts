import { and, eq } from "drizzle-orm";
import {
  acceptInvitation,
  addMembership,
  createUser,
  invitePerson,
  requestPasswordReset,
  resetPassword,
  type DatabaseHandle,
  type InvitationTarget,
} from "@tandem/db";
import { memberships } from "@tandem/db/schema";
import type { Tenants } from "@tandem/db/testing";
import type { Secret } from "./fixtures.js";

export const ALPHA_INVITEE = "ivy.invited@alpha-secret.test";
export const BETA_INVITEE = "ben.invited@beta-secret.test";
export const OMEGA_INVITEE = "otto.invited@omega-secret.test";
const PASSWORD = "a walk password, long enough";

/** Invitations, memberships and reset links: the people routes' rows. */
export interface PeopleFixtures {
  /** The token of Alpha's open invitation: only its mail shows it. */
  alphaToken: string;
  alphaInvitation: number;
  betaInvitation: number;
  /** An open invitation of a new address, to any partner of nobody. */
  openToken: string;
  /** An invitation to a person who has an account and no actor is. */
  accountToken: string;
  usedToken: string;
  /** Ann's, Bob's and the owner staff's memberships of Acme. */
  annMembership: number;
  bobMembership: number;
  staffMembership: number;
  resetToken: string;
  usedResetToken: string;
  fresh: {
    invitation(partner: "alpha" | "beta", tag: string): Promise<number>;
    invitationToken(tag: string): Promise<string>;
    member(side: "alpha" | "beta" | "owner", tag: string): Promise<number>;
    resetToken(tag: string): Promise<string>;
  };
}

let count = 0;
const unique = (tag: string) => `${tag}-${++count}`;

/** Plants the people routes' rows, and says who may read what. */
export async function plantPeople(
  { db }: DatabaseHandle,
  t: Tenants,
): Promise<{ people: PeopleFixtures; secrets: Secret[] }> {
  const invite = async (
    programId: number,
    email: string,
    target: InvitationTarget,
  ) => {
    let token = "";
    const invited = await invitePerson(db, {
      programId,
      actorId: t.users.ownerAdmin.id,
      email,
      target,
      linkFor: (made) => {
        token = made;
        return `http://localhost/invitations/accept?token=${made}`;
      },
    });
    if (!invited.ok) throw new Error(invited.message);
    return { id: invited.value.invitationId, token };
  };
  const partnerOf = (p: "alpha" | "beta") => t[p].id;
  const membershipOf = async (userId: number) => {
    const [row] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.programId, t.acme.id),
          eq(memberships.userId, userId),
        ),
      );
    return row!.id;
  };
  const user = (tag: string) =>
    createUser(db, {
      email: `${unique(tag)}@walk.test`,
      name: `Walker ${tag}`,
      password: PASSWORD,
    });
  const resetFor = async (email: string) => {
    let token = "";
    await requestPasswordReset(db, {
      email,
      linkFor: (made) => {
        token = made;
        return `http://localhost/password/reset?token=${made}`;
      },
    });
    return token;
  };

  const alpha = await invite(t.acme.id, ALPHA_INVITEE, {
    role: "partner_user",
    partnerId: t.alpha.id,
  });
  const beta = await invite(t.acme.id, BETA_INVITEE, {
    role: "partner_user",
    partnerId: t.beta.id,
  });
  await invite(t.other.id, OMEGA_INVITEE, {
    role: "partner_user",
    partnerId: t.omega.id,
  });
  const open = await invite(t.acme.id, "new.person@walk.test", {
    role: "owner_staff",
  });
  const holder = await user("account-holder");
  const account = await invite(t.acme.id, holder.email, {
    role: "owner_staff",
  });
  const used = await invite(t.acme.id, "used@walk.test", {
    role: "owner_staff",
  });
  const accepted = await acceptInvitation(db, {
    token: used.token,
    userId: null,
    newAccount: { name: "Used", password: PASSWORD },
  });
  if (!accepted.ok) throw new Error(accepted.message);
  const resetUser = await user("reset");
  const usedResetUser = await user("used-reset");
  const usedResetToken = await resetFor(usedResetUser.email);
  const reset = await resetPassword(db, {
    token: usedResetToken,
    password: PASSWORD,
  });
  if (!reset.ok) throw new Error(reset.message);

  const people: PeopleFixtures = {
    alphaToken: alpha.token,
    alphaInvitation: alpha.id,
    betaInvitation: beta.id,
    openToken: open.token,
    accountToken: account.token,
    usedToken: used.token,
    annMembership: await membershipOf(t.users.alphaUser.id),
    bobMembership: await membershipOf(t.users.betaUser.id),
    staffMembership: await membershipOf(t.users.ownerStaff.id),
    resetToken: await resetFor(resetUser.email),
    usedResetToken,
    fresh: {
      invitation: async (partner, tag) =>
        (
          await invite(t.acme.id, `${unique(tag)}@walk.test`, {
            role: "partner_user",
            partnerId: partnerOf(partner),
          })
        ).id,
      invitationToken: async (tag) =>
        (
          await invite(t.acme.id, `${unique(tag)}@walk.test`, {
            role: "owner_staff",
          })
        ).token,
      member: async (side, tag) => {
        const made = await user(tag);
        await addMembership(db, {
          programId: t.acme.id,
          userId: made.id,
          ...(side === "owner"
            ? { role: "owner_staff" }
            : { role: "partner_user", partnerId: partnerOf(side) }),
        });
        return membershipOf(made.id);
      },
      resetToken: async (tag) => resetFor((await user(tag)).email),
    },
  };
  return {
    people,
    secrets: [
      // Invitations show on the people page of those who manage them,
      // and their mail (with the link) in the owner admins' outbox.
      { text: ALPHA_INVITEE, seenBy: ["ownerAdmin", "alphaAdmin"] },
      { text: alpha.token, seenBy: ["ownerAdmin"] },
      { text: BETA_INVITEE, seenBy: ["ownerAdmin"] },
      // The other program has no owner admin among the actors.
      { text: OMEGA_INVITEE, seenBy: [] },
      {
        text: t.users.alphaUser.email,
        seenBy: ["ownerAdmin", "alphaAdmin", "alphaUser"],
      },
      { text: t.users.betaUser.email, seenBy: ["ownerAdmin", "betaUser"] },
    ],
  };
}
