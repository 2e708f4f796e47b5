import {
  addActionItem,
  addReviewNote,
  openReview,
  recordActivity,
  type DatabaseHandle,
} from "@tandem/db";
import { notifications } from "@tandem/db/schema";
import type { Tenants } from "@tandem/db/testing";
import { parsePeriodKey } from "@tandem/metrics";
import type { Secret } from "./fixtures.js";

export const ALPHA_WORK = "alpha-only joint work";
export const JOINT_WORK = "alpha and beta joint campaign";
export const REVIEW_NOTE = "alpha-only review note";
export const ACTION_ITEM = "alpha-only action item";
export const ANN_NOTICE = "ann-only notification title";
export const ANN_NOTICE_BODY = "ann-only notification body";

/** Activities, a review and a notification of Alpha's. */
export interface TogetherFixtures {
  review: number;
  actionItem: number;
  /** Ann's (Alpha's partner user's) unread notification. */
  notification: number;
  fresh: {
    review(): Promise<number>;
    notification(): Promise<number>;
  };
}

/** Plants the working-together routes' rows, and who may read them. */
export async function plantTogether(
  { db }: DatabaseHandle,
  t: Tenants,
): Promise<{ together: TogetherFixtures; secrets: Secret[] }> {
  const { alphaUser, ownerStaff } = t.users;
  const activity = async (title: string, partnerIds: number[], by: number) => {
    const logged = await recordActivity(db, {
      programId: t.acme.id,
      kind: "campaign",
      title,
      occurredOn: "2024-05-02",
      partnerIds,
      createdBy: by,
    });
    if (!logged.ok) throw new Error(logged.message);
  };
  await activity(ALPHA_WORK, [t.alpha.id], alphaUser.id);
  await activity(JOINT_WORK, [t.alpha.id, t.beta.id], ownerStaff.id);

  let month = 0;
  const review = async (kind: "quarter" | "month", key: string) => {
    const opened = await openReview(db, {
      programId: t.acme.id,
      partnerId: t.alpha.id,
      period: parsePeriodKey(kind, key)!,
      actorId: ownerStaff.id,
    });
    if (!opened.ok) throw new Error(opened.message);
    return opened.value.id;
  };
  const reviewId = await review("quarter", "2024-Q2");
  const actor = { userId: alphaUser.id, partnerId: t.alpha.id };
  const noted = await addReviewNote(db, {
    programId: t.acme.id,
    reviewId,
    actor,
    body: REVIEW_NOTE,
  });
  if (!noted.ok) throw new Error(noted.message);
  const item = await addActionItem(db, {
    programId: t.acme.id,
    reviewId,
    actor: { userId: ownerStaff.id, partnerId: null },
    title: ACTION_ITEM,
    ownerId: alphaUser.id,
    dueOn: "2024-07-01",
  });
  if (!item.ok) throw new Error(item.message);

  // Inserted as notifyPeople would, without its mail: the mail would
  // show in the owner admins' development outbox, by design (0014).
  const notify = async (title: string, body: string) => {
    const [row] = await db
      .insert(notifications)
      .values({
        programId: t.acme.id,
        userId: alphaUser.id,
        kind: "review_opened",
        title,
        body,
        link: `/reviews/${reviewId}`,
      })
      .returning({ id: notifications.id });
    return row!.id;
  };

  return {
    together: {
      review: reviewId,
      actionItem: item.value.id,
      notification: await notify(ANN_NOTICE, ANN_NOTICE_BODY),
      fresh: {
        review: () =>
          review("month", `2023-${String(++month).padStart(2, "0")}`),
        notification: () => notify("A walk notice", "For the walk"),
      },
    },
    secrets: [
      {
        text: ALPHA_WORK,
        seenBy: ["ownerAdmin", "ownerStaff", "alphaAdmin", "alphaUser"],
      },
      {
        text: JOINT_WORK,
        seenBy: [
          "ownerAdmin",
          "ownerStaff",
          "alphaAdmin",
          "alphaUser",
          "betaUser",
        ],
      },
      {
        text: REVIEW_NOTE,
        seenBy: ["ownerAdmin", "ownerStaff", "alphaAdmin", "alphaUser"],
      },
      {
        text: ACTION_ITEM,
        seenBy: ["ownerAdmin", "ownerStaff", "alphaAdmin", "alphaUser"],
      },
      { text: ANN_NOTICE, seenBy: ["alphaUser"] },
      { text: ANN_NOTICE_BODY, seenBy: ["alphaUser"] },
    ],
  };
}
