import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import { notifyScorecardChanged } from "./notify.js";
import { fail, ok, type Result } from "./result.js";
import { partners, targetSegments } from "./schema/index.js";
import type { PartnerType } from "./values.js";

export interface PartnerAttributes {
  type?: PartnerType;
  tier?: string | null;
  declaredReach?: number | null;
  /** Active from this day, in the program's zone. */
  joinedOn?: string;
  /** Active until the day before this one; null while active. */
  endedOn?: string | null;
}

/** Changes what a partner is; only the attributes given. */
export async function updatePartnerAttributes(
  db: Database,
  input: {
    programId: number;
    partnerId: number;
    attributes: PartnerAttributes;
    actorId: number | null;
  },
): Promise<Result<{ id: number }, "not_found" | "ends_before_joining">> {
  const { joinedOn, endedOn } = input.attributes;
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .update(partners)
        .set(input.attributes)
        .where(
          and(
            eq(partners.programId, input.programId),
            eq(partners.id, input.partnerId),
          ),
        )
        .returning({ joinedOn: partners.joinedOn, endedOn: partners.endedOn });
      if (!row) return fail("not_found", "This partner does not exist.");
      if (row.endedOn !== null && row.endedOn <= row.joinedOn) {
        // Throwing rolls the update back; the caller gets a result.
        throw new EndsBeforeJoining();
      }
      await notifyScorecardChanged(tx, input);
      await recordAudit(tx, {
        programId: input.programId,
        actorId: input.actorId,
        partnerId: input.partnerId,
        kind: "partner.attributes_changed",
        subjectType: "partner",
        subjectId: input.partnerId,
        summary: "Changed the partner's attributes",
        details: { ...input.attributes },
      });
      return ok({ id: input.partnerId });
    })
    .catch((error: unknown) => {
      if (!(error instanceof EndsBeforeJoining)) throw error;
      return fail(
        "ends_before_joining",
        `A partnership ends after it begins (${joinedOn ?? "joined"} .. ${endedOn ?? "ended"}).`,
      );
    });
}

class EndsBeforeJoining extends Error {}

/**
 * Sets how many accounts the program aims at in a segment (market
 * penetration's divisor); the same name again replaces the number.
 */
export async function setTargetSegment(
  db: Database,
  input: {
    programId: number;
    name: string;
    targetAccounts: number;
    actorId: number | null;
  },
): Promise<Result<{ id: number }, "bad_target">> {
  if (!Number.isInteger(input.targetAccounts) || input.targetAccounts < 0) {
    return fail("bad_target", "Target accounts are a whole number, 0 or more.");
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(targetSegments)
      .values({
        programId: input.programId,
        name: input.name,
        targetAccounts: input.targetAccounts,
      })
      .onConflictDoUpdate({
        target: [targetSegments.programId, targetSegments.name],
        set: { targetAccounts: sql`excluded.target_accounts` },
      })
      .returning({ id: targetSegments.id });
    // Every partner's market penetration is a share of this target.
    const all = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(eq(partners.programId, input.programId));
    for (const { id } of all) {
      await notifyScorecardChanged(tx, {
        programId: input.programId,
        partnerId: id,
      });
    }
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      kind: "segment.set",
      subjectType: "target_segment",
      subjectId: row!.id,
      summary: `Set the target segment ${input.name} to ${input.targetAccounts} accounts`,
      details: { name: input.name, targetAccounts: input.targetAccounts },
    });
    return ok({ id: row!.id });
  });
}

/**
 * The day a partnership ended, when it has by `today` (the partner is
 * active until the day before its `ended_on`); null while it runs. An
 * ended partnership registers no new leads.
 */
export async function partnershipEndedOn(
  db: Pick<Database, "select">,
  input: { programId: number; partnerId: number; today: string },
): Promise<string | null> {
  const [partner] = await db
    .select({ endedOn: partners.endedOn })
    .from(partners)
    .where(
      and(
        eq(partners.programId, input.programId),
        eq(partners.id, input.partnerId),
      ),
    );
  const endedOn = partner?.endedOn ?? null;
  return endedOn !== null && endedOn <= input.today ? endedOn : null;
}
