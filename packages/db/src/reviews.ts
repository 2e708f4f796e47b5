import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Period } from "@tandem/metrics";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import {
  notifyPeople,
  ownerPeopleOf,
  partnerPeopleOf,
} from "./notifications.js";
import { getPartner, getProgram } from "./programs.js";
import { fail, ok, type Result } from "./result.js";
import { takeSnapshot } from "./review-snapshot.js";
import {
  memberships,
  partners,
  reviewActionItems,
  reviewNotes,
  reviews,
} from "./schema/index.js";

/** Who acts on a review: owner staff (partnerId null) or a partner's. */
export interface ReviewActor {
  userId: number;
  partnerId: number | null;
}

export type ReviewError =
  "not_found" | "already_open" | "closed" | "not_allowed" | "bad_owner";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type ReviewRow = typeof reviews.$inferSelect;

/**
 * Opens a review of one partnership for one period and freezes its
 * scorecard. One open review per partnership and period at a time.
 */
export async function openReview(
  db: Database,
  input: {
    programId: number;
    partnerId: number;
    period: Period;
    actorId: number;
    now?: Date;
  },
): Promise<Result<{ id: number }, ReviewError>> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const program = await getProgram(tx, input.programId);
    const partner = await getPartner(tx, input);
    if (!program || !partner) return fail("not_found", "No such partner.");
    // Two staff opening the same review at once: the second waits here
    // and then finds the first one open, rather than failing on the
    // unique index.
    await tx
      .select({ id: partners.id })
      .from(partners)
      .where(eq(partners.id, partner.id))
      .for("update");
    const [open] = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .where(
        and(
          eq(reviews.programId, input.programId),
          eq(reviews.partnerId, partner.id),
          eq(reviews.periodKind, input.period.kind),
          eq(reviews.periodKey, input.period.key),
          eq(reviews.status, "open"),
        ),
      );
    if (open) {
      return fail(
        "already_open",
        `A review of ${partner.name} for ${input.period.label} is already open.`,
      );
    }
    const snapshot = await takeSnapshot(tx, {
      program,
      partner,
      period: input.period,
      now,
    });
    const [row] = await tx
      .insert(reviews)
      .values({
        programId: input.programId,
        partnerId: partner.id,
        periodKind: input.period.kind,
        periodKey: input.period.key,
        periodLabel: input.period.label,
        snapshot: snapshot as unknown as Record<string, unknown>,
        openedBy: input.actorId,
        createdAt: now,
      })
      .returning({ id: reviews.id });
    const id = row!.id;
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      partnerId: partner.id,
      kind: "review.opened",
      subjectType: "review",
      subjectId: id,
      summary: `Opened a review of ${partner.name} for ${input.period.label}`,
      details: { period: input.period.key, kind: input.period.kind },
    });
    const people = [
      ...(await partnerPeopleOf(tx, input.programId, partner.id)),
      ...(await ownerPeopleOf(tx, input.programId)),
    ].filter((userId) => userId !== input.actorId);
    await notifyPeople(tx, {
      programId: input.programId,
      kind: "review_opened",
      userIds: people,
      title: `Review of ${partner.name} for ${input.period.label} opened`,
      body:
        `A review of the partnership with ${partner.name} for ` +
        `${input.period.label} is open. Its scorecard is frozen as it ` +
        "stands today; add your comments there.",
      link: `/reviews/${id}`,
    });
    return ok({ id });
  });
}

/**
 * The review, locked for the change, if the actor may act on it: it is
 * in the program, it is the actor's partnership, and it is open.
 */
async function reviewForChange(
  tx: Tx,
  input: { programId: number; reviewId: number; actor: ReviewActor },
): Promise<Result<ReviewRow, ReviewError>> {
  const [review] = await tx
    .select()
    .from(reviews)
    .where(
      and(
        eq(reviews.programId, input.programId),
        eq(reviews.id, input.reviewId),
      ),
    )
    .for("update");
  const { partnerId } = input.actor;
  if (!review || (partnerId !== null && partnerId !== review.partnerId)) {
    return fail("not_found", "No such review.");
  }
  if (review.status === "closed") {
    return fail("closed", "This review is closed; it can no longer change.");
  }
  return ok(review);
}

function sideOf(actor: ReviewActor) {
  return actor.partnerId === null ? "owner" : "partner";
}

/**
 * Tells people of a change to an open review (`review_updated`): one
 * side of the partnership, or named people, never the actor.
 */
async function tellOfReview(
  tx: Tx,
  review: ReviewRow,
  input: {
    actorId: number;
    to: "owner" | "partner" | readonly number[];
    /** The title, given what the review is ("the review of X for Q1 2025"). */
    title: (about: string) => string;
  },
): Promise<void> {
  const people =
    input.to === "owner"
      ? await ownerPeopleOf(tx, review.programId)
      : input.to === "partner"
        ? await partnerPeopleOf(tx, review.programId, review.partnerId)
        : input.to;
  const [partner] = await tx
    .select({ name: partners.name })
    .from(partners)
    .where(eq(partners.id, review.partnerId));
  const about = `the review of ${partner?.name ?? "a partner"} for ${review.periodLabel}`;
  await notifyPeople(tx, {
    programId: review.programId,
    kind: "review_updated",
    userIds: people.filter((userId) => userId !== input.actorId),
    title: input.title(about),
    body: `${input.title(about)}. Open the review to read it.`,
    link: `/reviews/${review.id}`,
  });
}

/** Owner staff's note, or the partner's comment. */
export async function addReviewNote(
  db: Database,
  input: {
    programId: number;
    reviewId: number;
    actor: ReviewActor;
    body: string;
  },
): Promise<Result<{ id: number }, ReviewError>> {
  return db.transaction(async (tx) => {
    const review = await reviewForChange(tx, input);
    if (!review.ok) return review;
    const side = sideOf(input.actor);
    const [row] = await tx
      .insert(reviewNotes)
      .values({
        programId: input.programId,
        reviewId: input.reviewId,
        side,
        authorId: input.actor.userId,
        body: input.body,
      })
      .returning({ id: reviewNotes.id });
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actor.userId,
      partnerId: review.value.partnerId,
      kind: side === "owner" ? "review.note_added" : "review.commented",
      subjectType: "review",
      subjectId: input.reviewId,
      summary:
        side === "owner" ? "Added a note to a review" : "Commented on a review",
      details: { noteId: row!.id },
    });
    await tellOfReview(tx, review.value, {
      actorId: input.actor.userId,
      to: side === "owner" ? "partner" : "owner",
      title: (about) =>
        side === "owner" ? `New note on ${about}` : `New comment on ${about}`,
    });
    return ok({ id: row!.id });
  });
}

/** True when the user is owner staff or one of this partner's people. */
async function isOfPartnership(
  tx: Tx,
  programId: number,
  partnerId: number,
  userId: number,
): Promise<boolean> {
  const rows = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.programId, programId),
        eq(memberships.userId, userId),
        or(
          eq(memberships.partnerId, partnerId),
          and(
            isNull(memberships.partnerId),
            inArray(memberships.role, ["owner_admin", "owner_staff"]),
          ),
        ),
      ),
    );
  return rows.length > 0;
}

export async function addActionItem(
  db: Database,
  input: {
    programId: number;
    reviewId: number;
    actor: ReviewActor;
    title: string;
    ownerId: number;
    dueOn: string;
  },
): Promise<Result<{ id: number }, ReviewError>> {
  return db.transaction(async (tx) => {
    const review = await reviewForChange(tx, input);
    if (!review.ok) return review;
    if (input.actor.partnerId !== null) {
      return fail("not_allowed", "Only the program's staff add action items.");
    }
    const { partnerId } = review.value;
    if (!(await isOfPartnership(tx, input.programId, partnerId, input.ownerId)))
      return fail("bad_owner", "Choose a person of this partnership.");
    const [row] = await tx
      .insert(reviewActionItems)
      .values({
        programId: input.programId,
        reviewId: input.reviewId,
        title: input.title,
        ownerId: input.ownerId,
        dueOn: input.dueOn,
        createdBy: input.actor.userId,
      })
      .returning({ id: reviewActionItems.id });
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actor.userId,
      partnerId,
      kind: "review.action_item_added",
      subjectType: "review",
      subjectId: input.reviewId,
      summary: `Added an action item due ${input.dueOn}`,
      details: { itemId: row!.id, ownerId: input.ownerId, dueOn: input.dueOn },
    });
    await tellOfReview(tx, review.value, {
      actorId: input.actor.userId,
      to: [input.ownerId],
      title: (about) =>
        `An action item for you on ${about}, due ${input.dueOn}`,
    });
    return ok({ id: row!.id });
  });
}

/** Either side marks an item of its review done, or not done again. */
export async function setActionItemDone(
  db: Database,
  input: {
    programId: number;
    reviewId: number;
    itemId: number;
    actor: ReviewActor;
    done: boolean;
  },
): Promise<Result<null, ReviewError>> {
  return db.transaction(async (tx) => {
    const review = await reviewForChange(tx, input);
    if (!review.ok) return review;
    const updated = await tx
      .update(reviewActionItems)
      .set(
        input.done
          ? { doneAt: new Date(), doneBy: input.actor.userId }
          : { doneAt: null, doneBy: null },
      )
      .where(
        and(
          eq(reviewActionItems.programId, input.programId),
          eq(reviewActionItems.reviewId, input.reviewId),
          eq(reviewActionItems.id, input.itemId),
        ),
      )
      .returning({ id: reviewActionItems.id });
    if (updated.length === 0) return fail("not_found", "No such action item.");
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actor.userId,
      partnerId: review.value.partnerId,
      kind: input.done ? "review.action_item_done" : "review.action_item_open",
      subjectType: "review",
      subjectId: input.reviewId,
      summary: input.done
        ? "Marked an action item done"
        : "Marked an action item not done",
      details: { itemId: input.itemId },
    });
    return ok(null);
  });
}

/** The partner's people agree to the review (once is enough). */
export async function agreeToReview(
  db: Database,
  input: { programId: number; reviewId: number; actor: ReviewActor },
): Promise<Result<null, ReviewError>> {
  return db.transaction(async (tx) => {
    const review = await reviewForChange(tx, input);
    if (!review.ok) return review;
    if (input.actor.partnerId === null) {
      return fail("not_allowed", "Only the partner's people agree to it.");
    }
    if (review.value.agreedAt) return ok(null);
    await tx
      .update(reviews)
      .set({ agreedAt: new Date(), agreedBy: input.actor.userId })
      .where(eq(reviews.id, input.reviewId));
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actor.userId,
      partnerId: review.value.partnerId,
      kind: "review.agreed",
      subjectType: "review",
      subjectId: input.reviewId,
      summary: `Agreed to the review for ${review.value.periodLabel}`,
    });
    await tellOfReview(tx, review.value, {
      actorId: input.actor.userId,
      to: "owner",
      title: (about) => `The partner agreed to ${about}`,
    });
    return ok(null);
  });
}

/** Owner staff close it; nothing of it changes afterwards. */
export async function closeReview(
  db: Database,
  input: { programId: number; reviewId: number; actor: ReviewActor },
): Promise<Result<null, ReviewError>> {
  return db.transaction(async (tx) => {
    const review = await reviewForChange(tx, input);
    if (!review.ok) return review;
    if (input.actor.partnerId !== null) {
      return fail("not_allowed", "Only the program's staff close a review.");
    }
    await tx
      .update(reviews)
      .set({
        status: "closed",
        closedAt: new Date(),
        closedBy: input.actor.userId,
      })
      .where(eq(reviews.id, input.reviewId));
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actor.userId,
      partnerId: review.value.partnerId,
      kind: "review.closed",
      subjectType: "review",
      subjectId: input.reviewId,
      summary: `Closed the review for ${review.value.periodLabel}`,
    });
    await tellOfReview(tx, review.value, {
      actorId: input.actor.userId,
      to: "partner",
      title: (about) => `Closed: ${about}`,
    });
    return ok(null);
  });
}
