import { and, desc, eq } from "drizzle-orm";
import type { Temporal } from "temporal-polyfill";
import type { Database } from "./client.js";
import { notifyScorecardChanged } from "./notify.js";
import { getProgram, programToday } from "./programs.js";
import { ratings, users, type RatingSide } from "./schema/index.js";

export async function rateRelationship(
  db: Database,
  input: {
    programId: number;
    partnerId: number;
    side: RatingSide;
    userId: number;
    score: number;
    comment: string | null;
    now?: Temporal.Instant;
  },
): Promise<void> {
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > 10) {
    throw new RangeError("a rating is a whole number from 0 to 10");
  }
  const program = await getProgram(db, input.programId);
  if (!program) throw new Error(`program ${input.programId} not found`);
  await db.transaction(async (tx) => {
    await tx.insert(ratings).values({
      programId: input.programId,
      partnerId: input.partnerId,
      side: input.side,
      userId: input.userId,
      score: input.score,
      comment: input.comment,
      ratedOn: programToday(program, input.now),
    });
    await notifyScorecardChanged(tx, input);
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
      ratedOn: ratings.ratedOn,
      userName: users.name,
    })
    .from(ratings)
    .innerJoin(users, eq(users.id, ratings.userId))
    .where(
      and(eq(ratings.programId, programId), eq(ratings.partnerId, partnerId)),
    )
    .orderBy(desc(ratings.createdAt), desc(ratings.id))
    .limit(50);
}
