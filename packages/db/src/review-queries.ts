import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "./client.js";
import type { ReviewSnapshot } from "./review-snapshot.js";
import {
  memberships,
  reviewActionItems,
  reviewNotes,
  reviews,
  users,
} from "./schema/index.js";

export async function listReviews(
  db: Database,
  { programId, partnerId }: { programId: number; partnerId: number },
) {
  return db
    .select({
      id: reviews.id,
      periodLabel: reviews.periodLabel,
      status: reviews.status,
      openedAt: reviews.createdAt,
      agreedAt: reviews.agreedAt,
      closedAt: reviews.closedAt,
    })
    .from(reviews)
    .where(
      and(eq(reviews.programId, programId), eq(reviews.partnerId, partnerId)),
    )
    .orderBy(desc(reviews.createdAt), desc(reviews.id));
}

const opener = alias(users, "opener");
const agreer = alias(users, "agreer");
const closer = alias(users, "closer");

/** One review with its thread and action items, or null. */
export async function getReview(
  db: Database,
  { programId, reviewId }: { programId: number; reviewId: number },
) {
  const [review] = await db
    .select({
      id: reviews.id,
      partnerId: reviews.partnerId,
      periodLabel: reviews.periodLabel,
      status: reviews.status,
      snapshot: reviews.snapshot,
      openedAt: reviews.createdAt,
      openedBy: opener.name,
      agreedAt: reviews.agreedAt,
      agreedBy: agreer.name,
      closedAt: reviews.closedAt,
      closedBy: closer.name,
    })
    .from(reviews)
    .innerJoin(opener, eq(opener.id, reviews.openedBy))
    .leftJoin(agreer, eq(agreer.id, reviews.agreedBy))
    .leftJoin(closer, eq(closer.id, reviews.closedBy))
    .where(and(eq(reviews.programId, programId), eq(reviews.id, reviewId)));
  if (!review) return null;
  const notes = await db
    .select({
      id: reviewNotes.id,
      side: reviewNotes.side,
      body: reviewNotes.body,
      createdAt: reviewNotes.createdAt,
      author: users.name,
    })
    .from(reviewNotes)
    .innerJoin(users, eq(users.id, reviewNotes.authorId))
    .where(
      and(
        eq(reviewNotes.programId, programId),
        eq(reviewNotes.reviewId, reviewId),
      ),
    )
    .orderBy(asc(reviewNotes.createdAt), asc(reviewNotes.id));
  const items = await db
    .select({
      id: reviewActionItems.id,
      title: reviewActionItems.title,
      dueOn: reviewActionItems.dueOn,
      doneAt: reviewActionItems.doneAt,
      owner: users.name,
      ownerId: reviewActionItems.ownerId,
    })
    .from(reviewActionItems)
    .innerJoin(users, eq(users.id, reviewActionItems.ownerId))
    .where(
      and(
        eq(reviewActionItems.programId, programId),
        eq(reviewActionItems.reviewId, reviewId),
      ),
    )
    .orderBy(asc(reviewActionItems.dueOn), asc(reviewActionItems.id));
  return {
    ...review,
    snapshot: review.snapshot as unknown as ReviewSnapshot,
    notes,
    items,
  };
}

/** The people an action item may be given to: both sides, by name. */
export async function partnershipPeople(
  db: Database,
  { programId, partnerId }: { programId: number; partnerId: number },
) {
  return db
    .select({
      id: users.id,
      name: users.name,
      partnerId: memberships.partnerId,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.programId, programId),
        or(
          eq(memberships.partnerId, partnerId),
          and(
            isNull(memberships.partnerId),
            inArray(memberships.role, ["owner_admin", "owner_staff"]),
          ),
        ),
      ),
    )
    .orderBy(asc(users.name));
}
