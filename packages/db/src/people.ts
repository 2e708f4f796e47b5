import { and, asc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import { fail, ok, type Result } from "./result.js";
import {
  memberships,
  notifications,
  partners,
  sessions,
  users,
} from "./schema/index.js";
import { roleName, type Role } from "./values.js";

/** The program's people; one partner's only when given. */
export async function listPeople(
  db: Database,
  input: { programId: number; partnerId?: number },
) {
  return db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      partnerId: memberships.partnerId,
      partnerName: partners.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(partners, eq(partners.id, memberships.partnerId))
    .where(
      and(
        eq(memberships.programId, input.programId),
        input.partnerId === undefined
          ? undefined
          : eq(memberships.partnerId, input.partnerId),
      ),
    )
    .orderBy(asc(partners.name), asc(users.name));
}

type Side = "owner" | "partner";
const sideOf = (role: Role): Side =>
  role.startsWith("owner_") ? "owner" : "partner";

export type MemberChangeError = "not_found" | "other_side" | "self";

/**
 * Changes a member's role within their side (owner roles stay owner
 * roles, partner roles stay with their partner). With `partnerId`, only
 * that partner's people can be changed (a partner admin's reach).
 */
export async function changeMemberRole(
  db: Database,
  input: {
    programId: number;
    actorId: number;
    membershipId: number;
    role: Role;
    partnerId?: number;
  },
): Promise<Result<{ id: number }, MemberChangeError>> {
  return db.transaction(async (tx) => {
    const member = await memberOf(tx, input);
    if (!member) return fail("not_found", "This person is not a member here.");
    if (member.userId === input.actorId) {
      return fail("self", "You cannot change your own role.");
    }
    if (sideOf(member.role) !== sideOf(input.role)) {
      return fail(
        "other_side",
        "A role changes within the owner's side or the partner's side.",
      );
    }
    if (member.role === input.role) return ok({ id: member.id });
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(eq(memberships.id, member.id));
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      partnerId: member.partnerId,
      kind: "membership.role_changed",
      subjectType: "user",
      subjectId: member.userId,
      summary: `Made a member ${roleName(input.role)} (was ${roleName(member.role)})`,
      details: { from: member.role, to: input.role },
    });
    return ok({ id: member.id });
  });
}

/**
 * Removes a person from the program and ends their sessions there (a
 * session of a person with no membership left can see nothing).
 */
export async function removeMember(
  db: Database,
  input: {
    programId: number;
    actorId: number;
    membershipId: number;
    partnerId?: number;
  },
): Promise<Result<{ id: number }, MemberChangeError>> {
  return db.transaction(async (tx) => {
    const member = await memberOf(tx, input);
    if (!member) return fail("not_found", "This person is not a member here.");
    if (member.userId === input.actorId) {
      return fail("self", "You cannot remove yourself.");
    }
    await tx.delete(memberships).where(eq(memberships.id, member.id));
    // What they were told here was about work they no longer share.
    await tx
      .delete(notifications)
      .where(
        and(
          eq(notifications.programId, input.programId),
          eq(notifications.userId, member.userId),
        ),
      );
    // A browser working in this program falls back to another one.
    await tx
      .update(sessions)
      .set({ currentProgramId: null })
      .where(
        and(
          eq(sessions.userId, member.userId),
          eq(sessions.currentProgramId, input.programId),
        ),
      );
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      partnerId: member.partnerId,
      kind: "membership.removed",
      subjectType: "user",
      subjectId: member.userId,
      summary: `Removed a ${roleName(member.role)} from the program`,
      details: { role: member.role },
    });
    return ok({ id: member.id });
  });
}

async function memberOf(
  tx: Pick<Database, "select">,
  input: { programId: number; membershipId: number; partnerId?: number },
) {
  const [row] = await tx
    .select({
      id: memberships.id,
      userId: memberships.userId,
      role: memberships.role,
      partnerId: memberships.partnerId,
    })
    .from(memberships)
    .where(
      and(
        eq(memberships.programId, input.programId),
        eq(memberships.id, input.membershipId),
        input.partnerId === undefined
          ? undefined
          : and(
              eq(memberships.partnerId, input.partnerId),
              inArray(memberships.role, ["partner_admin", "partner_user"]),
            ),
      ),
    );
  return row ?? null;
}
