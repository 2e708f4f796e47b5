import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.js";
import { ratingSideEnum, reviewStatusEnum } from "./enums.js";
import { users } from "./people.js";
import { partners, programId } from "./programs.js";

const userRef = (name: string) =>
  bigint(name, { mode: "number" }).references(() => users.id);
const partnerRef = () =>
  bigint("partner_id", { mode: "number" })
    .notNull()
    .references(() => partners.id);

/**
 * A review of one partnership for one period. `snapshot` is the
 * scorecard as it stood when the review opened (see reviews.ts for its
 * versioned shape); it is written once and never recomputed.
 */
export const reviews = pgTable(
  "reviews",
  {
    id: id(),
    programId: programId(),
    partnerId: partnerRef(),
    periodKind: text("period_kind").notNull(),
    periodKey: text("period_key").notNull(),
    periodLabel: text("period_label").notNull(),
    status: reviewStatusEnum("status").notNull().default("open"),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    openedBy: userRef("opened_by").notNull(),
    createdAt: createdAt(),
    agreedBy: userRef("agreed_by"),
    agreedAt: timestamp("agreed_at", { withTimezone: true }),
    closedBy: userRef("closed_by"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    index("reviews_program_partner").on(t.programId, t.partnerId),
    uniqueIndex("reviews_one_open_per_period")
      .on(t.partnerId, t.periodKind, t.periodKey)
      .where(sql`${t.status} = 'open'`),
  ],
);

/** Owner staff's notes and the partner's comments, one thread. */
export const reviewNotes = pgTable(
  "review_notes",
  {
    id: id(),
    programId: programId(),
    reviewId: bigint("review_id", { mode: "number" })
      .notNull()
      .references(() => reviews.id),
    side: ratingSideEnum("side").notNull(),
    authorId: userRef("author_id").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("review_notes_review").on(t.reviewId)],
);

/** Something to do, by a person of either side, by a day. */
export const reviewActionItems = pgTable(
  "review_action_items",
  {
    id: id(),
    programId: programId(),
    reviewId: bigint("review_id", { mode: "number" })
      .notNull()
      .references(() => reviews.id),
    title: text("title").notNull(),
    ownerId: userRef("owner_id").notNull(),
    dueOn: date("due_on").notNull(),
    createdBy: userRef("created_by").notNull(),
    createdAt: createdAt(),
    doneBy: userRef("done_by"),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [index("review_action_items_review").on(t.reviewId)],
);

/**
 * A rating_due notice sent: one per partnership, side and period, so
 * that reminder sweeps in several processes tell each person once.
 */
export const ratingReminders = pgTable(
  "rating_reminders",
  {
    id: id(),
    programId: programId(),
    partnerId: partnerRef(),
    side: ratingSideEnum("side").notNull(),
    periodKey: text("period_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("rating_reminders_once").on(t.partnerId, t.side, t.periodKey)],
);
