import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "./audit.js";
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
import { newToken, normaliseEmail } from "./tokens.js";
import { roleName } from "./values.js";

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

export function invitationState(
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
  return rows.map((r) => ({ ...r, state: invitationState(r, now) }));
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
