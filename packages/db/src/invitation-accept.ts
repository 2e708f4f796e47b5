import { and, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "./audit.js";
import { addMembership, createUser, type User } from "./auth.js";
import type { Database } from "./client.js";
import { invitationState } from "./invitations.js";
import { fail, ok, type Result } from "./result.js";
import {
  invitations,
  memberships,
  partners,
  programs,
  users,
} from "./schema/index.js";
import { hashToken, normaliseEmail } from "./tokens.js";
import { roleName, type Role } from "./values.js";

export interface OpenInvitation {
  id: number;
  programId: number;
  programName: string;
  email: string;
  role: Role;
  partnerId: number | null;
  partnerName: string | null;
  /** Whether a person with this email has an account already. */
  hasAccount: boolean;
}

export type InvitationProblem = "unknown" | "expired" | "used" | "revoked";

/** What a link's token opens: an open invitation, or why it does not. */
export async function findInvitation(
  db: Database,
  { token, now = new Date() }: { token: string; now?: Date },
): Promise<Result<OpenInvitation, InvitationProblem>> {
  const [row] = await db
    .select({
      id: invitations.id,
      programId: invitations.programId,
      programName: programs.name,
      email: invitations.email,
      role: invitations.role,
      partnerId: invitations.partnerId,
      partnerName: partners.name,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(programs, eq(programs.id, invitations.programId))
    .leftJoin(partners, eq(partners.id, invitations.partnerId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return fail("unknown", "This invitation link is not valid.");
  const state = invitationState(row, now);
  if (state === "accepted") {
    return fail("used", "This invitation has been accepted already.");
  }
  if (state === "revoked") {
    return fail("revoked", "This invitation was withdrawn or replaced.");
  }
  if (state === "expired") {
    return fail("expired", "This invitation has expired. Ask for a new one.");
  }
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normaliseEmail(row.email)));
  return ok({
    id: row.id,
    programId: row.programId,
    programName: row.programName,
    email: row.email,
    role: row.role,
    partnerId: row.partnerId,
    partnerName: row.partnerName,
    hasAccount: Boolean(account),
  });
}

export type AcceptError =
  InvitationProblem | "wrong_account" | "needs_account" | "already_member";

/**
 * Accepts an invitation once: as a new person (name and password given)
 * or as the signed-in person the invitation was sent to. Claims the
 * row first, so two tabs cannot both accept it.
 */
export async function acceptInvitation(
  db: Database,
  input: {
    token: string;
    /** The signed-in person, when there is one. */
    userId: number | null;
    newAccount?: { name: string; password: string };
    now?: Date;
  },
): Promise<Result<{ userId: number; programId: number }, AcceptError>> {
  const now = input.now ?? new Date();
  const found = await findInvitation(db, { token: input.token, now });
  if (!found.ok) return found;
  const invitation = found.value;
  return db
    .transaction(async (tx) => {
      const [claimed] = await tx
        .update(invitations)
        .set({ acceptedAt: now })
        .where(
          and(
            eq(invitations.id, invitation.id),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .returning({ id: invitations.id });
      if (!claimed) {
        return fail("used", "This invitation has been accepted already.");
      }
      let user: Pick<User, "id" | "email">;
      const [existing] = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          eq(sql`lower(${users.email})`, normaliseEmail(invitation.email)),
        );
      if (existing) {
        if (input.userId === null) {
          throw new Refused(
            "needs_account",
            "Sign in to accept this invitation.",
          );
        }
        if (input.userId !== existing.id) {
          throw new Refused(
            "wrong_account",
            "This invitation was sent to another address. Sign out and " +
              "sign in as its addressee.",
          );
        }
        user = existing;
      } else {
        if (!input.newAccount) {
          throw new Refused("needs_account", "Choose a name and password.");
        }
        user = await createUser(tx, {
          email: invitation.email,
          ...input.newAccount,
        });
      }
      const [member] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.programId, invitation.programId),
            eq(memberships.userId, user.id),
          ),
        );
      if (member) {
        throw new Refused(
          "already_member",
          "You are a member of this program already.",
        );
      }
      await addMembership(tx, {
        programId: invitation.programId,
        userId: user.id,
        role: invitation.role,
        partnerId: invitation.partnerId,
      });
      await tx
        .update(invitations)
        .set({ acceptedBy: user.id })
        .where(eq(invitations.id, invitation.id));
      await recordAudit(tx, {
        programId: invitation.programId,
        actorId: user.id,
        partnerId: invitation.partnerId,
        kind: "invitation.accepted",
        subjectType: "invitation",
        subjectId: invitation.id,
        summary: `Joined as ${roleName(invitation.role)}`,
        details: { role: invitation.role },
      });
      return ok({ userId: user.id, programId: invitation.programId });
    })
    .catch((error: unknown) => {
      if (error instanceof Refused) return fail(error.code, error.message);
      throw error;
    });
}

/** Thrown to roll the claim back; turned into a result above. */
class Refused extends Error {
  constructor(
    readonly code: AcceptError,
    message: string,
  ) {
    super(message);
  }
}
