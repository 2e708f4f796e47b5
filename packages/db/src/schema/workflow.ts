import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.js";
import { notificationChannelEnum, notificationKindEnum } from "./enums.js";
import { users } from "./people.js";
import { partners, programId, programs } from "./programs.js";

/**
 * Every change a person made, as owner admins read it. Written in the
 * transaction of the change, never updated. `kind` is dotted
 * (`lead.registered`, `review.closed`); `details` holds ids and the
 * values that changed, never a password, token or secret.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    programId: programId(),
    /** Null for the system (an expiry run, an import's own steps). */
    actorId: bigint("actor_id", { mode: "number" }).references(() => users.id),
    /** The partnership concerned, when there is one. */
    partnerId: bigint("partner_id", { mode: "number" }).references(
      () => partners.id,
    ),
    kind: text("kind").notNull(),
    subjectType: text("subject_type"),
    subjectId: bigint("subject_id", { mode: "number" }),
    summary: text("summary").notNull(),
    details: jsonb("details")
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_events_program_created").on(t.programId, t.createdAt),
    index("audit_events_program_partner").on(t.programId, t.partnerId),
    index("audit_events_program_actor").on(t.programId, t.actorId),
    index("audit_events_program_kind").on(t.programId, t.kind),
  ],
);

/** What the portal shows a person under "Notifications". */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    programId: programId(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    kind: notificationKindEnum("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** A path inside the portal ("/leads/12"). */
    link: text("link"),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user").on(t.userId, t.programId, t.createdAt)],
);

/** A kind turned off (or back on) for one channel; no row means on. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    id: id(),
    programId: programId(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    kind: notificationKindEnum("kind").notNull(),
    channel: notificationChannelEnum("channel").notNull(),
    enabled: boolean("enabled").notNull(),
  },
  (t) => [
    unique("notification_preferences_one").on(
      t.userId,
      t.programId,
      t.kind,
      t.channel,
    ),
  ],
);

/**
 * Mail waiting to go, and mail sent. Written in the transaction that
 * caused it, so nothing is sent for a change that rolled back; a
 * deliverer sends it through SMTP when configured, and the development
 * outbox page shows it either way.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: id(),
    /** Null for mail that belongs to no program (a password reset). */
    programId: bigint("program_id", { mode: "number" }).references(
      () => programs.id,
    ),
    userId: bigint("user_id", { mode: "number" }).references(() => users.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    index("outbox_messages_pending")
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null`),
  ],
);
