import { and, desc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import { notifyScorecardChanged } from "./notify.js";
import { partnersBelong } from "./program-scope.js";
import { fail, ok, type Result } from "./result.js";
import {
  activities,
  activityPartners,
  partners,
  users,
} from "./schema/index.js";
import type { ActivityKind } from "./values.js";

/**
 * A joint activity or a communication with the partners involved (one
 * or more). An innovation counts once completed; pass completed false
 * for one still under way.
 */
export async function recordActivity(
  db: Database,
  input: {
    programId: number;
    kind: ActivityKind;
    title: string;
    occurredOn: string;
    partnerIds: readonly number[];
    completed?: boolean;
    createdBy?: number | null;
  },
): Promise<Result<{ id: number }, "not_found" | "no_partner">> {
  const partnerIds = [...new Set(input.partnerIds)];
  if (partnerIds.length === 0) {
    return fail("no_partner", "An activity involves at least one partner.");
  }
  return db.transaction(async (tx) => {
    if (!(await partnersBelong(tx, input.programId, partnerIds))) {
      return fail("not_found", "A partner named does not exist.");
    }
    const [row] = await tx
      .insert(activities)
      .values({
        programId: input.programId,
        kind: input.kind,
        title: input.title,
        occurredOn: input.occurredOn,
        completed: input.completed ?? true,
        createdBy: input.createdBy ?? null,
      })
      .returning({ id: activities.id });
    await tx.insert(activityPartners).values(
      partnerIds.map((partnerId) => ({
        programId: input.programId,
        activityId: row!.id,
        partnerId,
      })),
    );
    for (const partnerId of partnerIds) {
      await recordAudit(tx, {
        programId: input.programId,
        actorId: input.createdBy ?? null,
        partnerId,
        kind: "activity.logged",
        subjectType: "activity",
        subjectId: row!.id,
        summary: `Logged a ${input.kind.replaceAll("_", " ")} on ${input.occurredOn}`,
        details: { kind: input.kind, partnerIds, completed: input.completed },
      });
      await notifyScorecardChanged(tx, {
        programId: input.programId,
        partnerId,
      });
    }
    return ok({ id: row!.id });
  });
}

/**
 * The activities a partnership took part in, newest first. A partner's
 * people see no other partner of a joint activity (`partners` holds
 * only their own); owner staff see every partner involved.
 */
export async function listPartnerActivities(
  db: Database,
  input: { programId: number; partnerId: number; forOwner: boolean },
) {
  const rows = await db
    .select({
      id: activities.id,
      kind: activities.kind,
      title: activities.title,
      occurredOn: activities.occurredOn,
      completed: activities.completed,
      by: users.name,
    })
    .from(activityPartners)
    .innerJoin(activities, eq(activities.id, activityPartners.activityId))
    .leftJoin(users, eq(users.id, activities.createdBy))
    .where(
      and(
        eq(activityPartners.programId, input.programId),
        eq(activityPartners.partnerId, input.partnerId),
      ),
    )
    .orderBy(desc(activities.occurredOn), desc(activities.id))
    .limit(200);
  const ids = rows.map((r) => r.id);
  const involved =
    input.forOwner && ids.length > 0
      ? await db
          .select({
            activityId: activityPartners.activityId,
            name: partners.name,
          })
          .from(activityPartners)
          .innerJoin(partners, eq(partners.id, activityPartners.partnerId))
          .where(
            and(
              eq(activityPartners.programId, input.programId),
              inArray(activityPartners.activityId, ids),
            ),
          )
      : [];
  return rows.map((row) => ({
    ...row,
    partners: input.forOwner
      ? involved.filter((p) => p.activityId === row.id).map((p) => p.name)
      : [],
  }));
}
