import type { Database } from "./client.js";
import { notifyScorecardChanged } from "./notify.js";
import { partnersBelong } from "./program-scope.js";
import { fail, ok, type Result } from "./result.js";
import { activities, activityPartners } from "./schema/index.js";
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
      await notifyScorecardChanged(tx, {
        programId: input.programId,
        partnerId,
      });
    }
    return ok({ id: row!.id });
  });
}
