import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "./audit.js";
import { addMembership, createUser, type User } from "./auth.js";
import type { Database } from "./client.js";
import { enqueueMail } from "./notifications.js";
import { partnersBelong } from "./program-scope.js";
import { fail, ok, type Result } from "./result.js";
import {
  invitations,
  memberships,
  partners,
  programs,
  users,
} from "./schema/index.js";
import { hashToken, newToken, normaliseEmail } from "./tokens.js";
import { roleName, type Role } from "./values.js";

/** How long an invitation link works (decision 0014). */
export const INVITATION_DAYS = 7;

export type InvitationTarget =
  | { role: "owner_admin" | "owner_staff" }
  | { role: "partner_admin" | "partner_user"; partnerId: number }
  /** A partner company made now, with the invitee as its first admin. */
  | { role: "partner_admin"; newPartnerName: string };

export type InviteError = "not_found" | "already_member" | "partner_exists";

/**
 * Invites a person by email into the program in a role, replacing an
 * open invitation to the same address, and queues the mail with the
 * link. The caller checks who may invite into what.
 */
export async function invitePerson(
  db: Database,
  input: {
    programId: number;
    actorId: number;
    email: string;
    target: InvitationTarget;
    /** The page that accepts the token, as an absolute URL. */
    linkFor: (token: string) => string;
    now?: Date;
  },
): Promise<
  Result<{ invitationId: number; partnerId: number | null }, InviteError>
> {
  const now = input.now ?? new Date();
  const email = input.email.trim();
  const { target } = input;
  return db.transaction(async (tx) => {
    const [program] = await tx
      .select({ name: programs.name })
      .from(programs)
      .where(eq(programs.id, input.programId));
    if (!program) return fail("not_found", "This program does not exist.");

    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.programId, input.programId),
          eq(sql`lower(${users.email})`, normaliseEmail(email)),
        ),
      );
    if (member) {
      return fail(
        "already_member",
        "This person is already a member of the program.",
      );
    }

    let partnerId: number | null = null;
    let partnerName: string | null = null;
    if ("newPartnerName" in target) {
      const name = target.newPartnerName.trim();
      const [clash] = await tx
        .select({ id: partners.id })
        .from(partners)
        .where(
          and(
            eq(partners.programId, input.programId),
            eq(sql`lower(${partners.name})`, name.toLowerCase()),
          ),
        );
      if (clash) {
        return fail("partner_exists", `A partner named ${name} exists.`);
      }
      const [made] = await tx
        .insert(partners)
        .values({ programId: input.programId, name })
        .returning({ id: partners.id });
      partnerId = made!.id;
      partnerName = name;
      await recordAudit(tx, {
        programId: input.programId,
        actorId: input.actorId,
        partnerId,
        kind: "partner.created",
        subjectType: "partner",
        subjectId: partnerId,
        summary: `Added the partner ${name}`,
      });
    } else if ("partnerId" in target) {
      if (!(await partnersBelong(tx, input.programId, [target.partnerId]))) {
        return fail("not_found", "This partner does not exist.");
      }
      partnerId = target.partnerId;
      const [p] = await tx
        .select({ name: partners.name })
        .from(partners)
        .where(eq(partners.id, partnerId));
      partnerName = p!.name;
    }

    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.programId, input.programId),
          eq(sql`lower(${invitations.email})`, normaliseEmail(email)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const { token, hash } = newToken();
    const [row] = await tx
      .insert(invitations)
      .values({
        programId: input.programId,
        email,
        role: target.role,
        partnerId,
        tokenHash: hash,
        invitedBy: input.actorId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      })
      .returning({ id: invitations.id });
    const where = partnerName ? ` for ${partnerName}` : "";
    await enqueueMail(tx, {
      programId: input.programId,
      toAddress: email,
      subject: `You are invited to ${program.name}`,
      text: [
        `You are invited to join ${program.name} on Tandem${where}` +
          ` as ${roleName(target.role)}.`,
        "",
        `Open this link within ${INVITATION_DAYS} days to accept:`,
        input.linkFor(token),
        "",
        "If you did not expect this, you can ignore this mail.",
      ].join("\n"),
    });
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      partnerId,
      kind: "invitation.sent",
      subjectType: "invitation",
      subjectId: row!.id,
      summary: `Invited a person as ${roleName(target.role)}${where}`,
      details: { role: target.role },
    });
    return ok({ invitationId: row!.id, partnerId });
  });
}

export type InvitationState = "open" | "accepted" | "revoked" | "expired";

function stateOf(
  row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "open";
}

/** A program's invitations, newest first; for one partner when given. */
export async function listInvitations(
  db: Database,
  input: { programId: number; partnerId?: number; now?: Date },
) {
  const now = input.now ?? new Date();
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      partnerId: invitations.partnerId,
      partnerName: partners.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .leftJoin(partners, eq(partners.id, invitations.partnerId))
    .where(
      and(
        eq(invitations.programId, input.programId),
        input.partnerId === undefined
          ? undefined
          : eq(invitations.partnerId, input.partnerId),
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(200);
  return rows.map((r) => ({ ...r, state: stateOf(r, now) }));
}

/**
 * Revokes an open invitation of the program (of one partner, when the
 * caller is that partner's admin). False when there is none such.
 */
export async function revokeInvitation(
  db: Database,
  input: {
    programId: number;
    invitationId: number;
    actorId: number;
    partnerId?: number;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.programId, input.programId),
          eq(invitations.id, input.invitationId),
          input.partnerId === undefined
            ? undefined
            : eq(invitations.partnerId, input.partnerId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ partnerId: invitations.partnerId, role: invitations.role });
    if (!row) return false;
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      partnerId: row.partnerId,
      kind: "invitation.revoked",
      subjectType: "invitation",
      subjectId: input.invitationId,
      summary: `Withdrew an invitation as ${roleName(row.role)}`,
    });
    return true;
  });
}

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
  const state = stateOf(row, now);
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
  | InvitationProblem
  | "wrong_account"
  | "needs_account"
  | "has_account"
  | "already_member";

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
