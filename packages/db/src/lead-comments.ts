import { and, asc, eq } from "drizzle-orm";
import type { Temporal } from "temporal-polyfill";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import {
  notifyPeople,
  ownerPeopleOf,
  partnerPeopleOf,
} from "./notifications.js";
import { fail, ok, type Result } from "./result.js";
import { leadComments, leads, users } from "./schema/index.js";

export type LeadComment = typeof leadComments.$inferSelect;

/**
 * A comment on a lead by its partner's people (`partnerId` set) or the
 * owner's staff (`partnerId` null); the other side is told.
 */
export async function addLeadComment(
  db: Database,
  input: {
    programId: number;
    leadId: number;
    /** The author's partner; null for the owner's staff. */
    partnerId: number | null;
    authorId: number;
    body: string;
    now?: Temporal.Instant;
  },
): Promise<Result<LeadComment, "not_found">> {
  return db.transaction(async (tx) => {
    const [lead] = await tx
      .select({
        id: leads.id,
        partnerId: leads.partnerId,
        company: leads.company,
      })
      .from(leads)
      .where(
        and(eq(leads.programId, input.programId), eq(leads.id, input.leadId)),
      );
    if (
      !lead ||
      (input.partnerId !== null && lead.partnerId !== input.partnerId)
    ) {
      return fail("not_found", "This lead does not exist.");
    }
    const [comment] = await tx
      .insert(leadComments)
      .values({
        programId: input.programId,
        leadId: lead.id,
        authorId: input.authorId,
        body: input.body,
        createdAt: input.now && new Date(input.now.epochMilliseconds),
      })
      .returning();
    const fromPartner = input.partnerId !== null;
    const company = lead.company ?? "(no company)";
    await notifyPeople(tx, {
      programId: input.programId,
      kind: "lead_commented",
      userIds: fromPartner
        ? await ownerPeopleOf(tx, input.programId)
        : await partnerPeopleOf(tx, input.programId, lead.partnerId),
      title: `New comment on the lead for ${company}`,
      body: fromPartner
        ? `The partner commented on the lead for ${company}.`
        : `The program's staff commented on your lead for ${company}.`,
      link: `/leads/${lead.id}`,
    });
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.authorId,
      partnerId: lead.partnerId,
      kind: "lead.commented",
      subjectType: "lead",
      subjectId: lead.id,
      summary: `Comment ${comment!.id} on lead ${lead.id}`,
      details: { commentId: comment!.id },
    });
    return ok(comment!);
  });
}

/** A lead's comments, oldest first, with their authors. */
export async function listLeadComments(
  db: Database,
  { programId, leadId }: { programId: number; leadId: number },
) {
  return db
    .select({
      id: leadComments.id,
      body: leadComments.body,
      createdAt: leadComments.createdAt,
      authorName: users.name,
      authorId: leadComments.authorId,
    })
    .from(leadComments)
    .innerJoin(users, eq(users.id, leadComments.authorId))
    .where(
      and(
        eq(leadComments.programId, programId),
        eq(leadComments.leadId, leadId),
      ),
    )
    .orderBy(asc(leadComments.createdAt), asc(leadComments.id));
}
