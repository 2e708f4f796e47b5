import { and, desc, eq } from "drizzle-orm";
import type { Temporal } from "temporal-polyfill";
import type { Database } from "./client.js";
import { recordAudit } from "./audit.js";
import { notifyScorecardChanged } from "./notify.js";
import { partnersBelong } from "./program-scope.js";
import { getProgram, programToday } from "./programs.js";
import { fail, ok, type Result } from "./result.js";
import { ratings, users, type RatingSide } from "./schema/index.js";

export interface RatingDimensions {
  communication?: number | null;
  trust?: number | null;
  value?: number | null;
  support?: number | null;
}

export async function rateRelationship(
  db: Database,
  input: {
    programId: number;
    partnerId: number;
    side: RatingSide;
    userId: number;
    score: number;
    comment: string | null;
    /** Optional 1-5 scores of the relationship's dimensions. */
    dimensions?: RatingDimensions;
    now?: Temporal.Instant;
  },
): Promise<Result<{ id: number }, "not_found">> {
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > 10) {
    throw new RangeError("a rating is a whole number from 0 to 10");
  }
  const dimensions = input.dimensions ?? {};
  for (const value of Object.values(dimensions)) {
    if (value != null && !(Number.isInteger(value) && value >= 1 && value <= 5))
      throw new RangeError("a dimension is a whole number from 1 to 5");
  }
  const program = await getProgram(db, input.programId);
  if (!program) throw new Error(`program ${input.programId} not found`);
  return db.transaction(async (tx) => {
    if (!(await partnersBelong(tx, input.programId, [input.partnerId]))) {
      return fail("not_found", "No such partner.");
    }
    const [row] = await tx
      .insert(ratings)
      .values({
        programId: input.programId,
        partnerId: input.partnerId,
        side: input.side,
        userId: input.userId,
        score: input.score,
        comment: input.comment,
        communication: dimensions.communication ?? null,
        trust: dimensions.trust ?? null,
        value: dimensions.value ?? null,
        support: dimensions.support ?? null,
        ratedOn: programToday(program, input.now),
      })
      .returning({ id: ratings.id });
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.userId,
      partnerId: input.partnerId,
      kind: "rating.given",
      subjectType: "rating",
      subjectId: row!.id,
      summary: `Rated the relationship ${input.score}/10 (${input.side} side)`,
      details: { score: input.score, ...dimensions },
    });
    await notifyScorecardChanged(tx, input);
    return ok({ id: row!.id });
  });
}

export async function listRatings(
  db: Database,
  { programId, partnerId }: { programId: number; partnerId: number },
) {
  return db
    .select({
      id: ratings.id,
      side: ratings.side,
      score: ratings.score,
      comment: ratings.comment,
      communication: ratings.communication,
      trust: ratings.trust,
      value: ratings.value,
      support: ratings.support,
      ratedOn: ratings.ratedOn,
      createdAt: ratings.createdAt,
      userName: users.name,
    })
    .from(ratings)
    .innerJoin(users, eq(users.id, ratings.userId))
    .where(
      and(eq(ratings.programId, programId), eq(ratings.partnerId, partnerId)),
    )
    .orderBy(desc(ratings.createdAt), desc(ratings.id))
    .limit(100);
}
