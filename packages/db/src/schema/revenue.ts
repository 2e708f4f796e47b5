import {
  bigint,
  date,
  index,
  pgTable,
  smallint,
  text,
  unique,
} from "drizzle-orm/pg-core";
import { ratingSideEnum, revenueKindEnum } from "./enums.js";
import { column, companyKey } from "./match-keys.js";
import { leads } from "./leads.js";
import { users } from "./people.js";
import { createdAt, id } from "./columns.js";
import { partners, programId } from "./programs.js";

/**
 * An account acquired through a partner (or directly, partner null).
 * The same company won by two partners is two customers: each
 * partnership is credited with what it brought.
 */
export const customers = pgTable(
  "customers",
  {
    id: id(),
    programId: programId(),
    partnerId: bigint("partner_id", { mode: "number" }).references(
      () => partners.id,
    ),
    name: text("name").notNull(),
    /** The name's match key (decision 0016), kept by the database. */
    nameKey: text("name_key").generatedAlwaysAs(companyKey(column("name"))),
    firstLeadId: bigint("first_lead_id", { mode: "number" }).references(
      () => leads.id,
    ),
    acquiredOn: date("acquired_on").notNull(),
    churnedOn: date("churned_on"),
    /** The market segment, for market penetration. */
    segment: text("segment"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("customers_program_partner_name")
      .on(t.programId, t.partnerId, t.name)
      .nullsNotDistinct(),
    index("customers_program_name_key").on(t.programId, t.nameKey),
  ],
);

export const revenueEvents = pgTable(
  "revenue_events",
  {
    id: id(),
    programId: programId(),
    customerId: bigint("customer_id", { mode: "number" })
      .notNull()
      .references(() => customers.id),
    leadId: bigint("lead_id", { mode: "number" }).references(() => leads.id),
    kind: revenueKindEnum("kind").notNull(),
    /** Negative for a contraction. */
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    occurredOn: date("occurred_on").notNull(),
    /**
     * A file row's identity (sha256 of its values and how many times
     * they came before in the file), so a corrected file imported again
     * adds only the rows that were refused before. Null for events
     * recorded any other way.
     */
    importKey: text("import_key"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("revenue_events_import_key").on(t.programId, t.importKey),
    index("revenue_events_program_customer_day").on(
      t.programId,
      t.customerId,
      t.occurredOn,
    ),
    unique("revenue_events_lead").on(t.leadId),
  ],
);

export const ratings = pgTable(
  "ratings",
  {
    id: id(),
    programId: programId(),
    partnerId: bigint("partner_id", { mode: "number" })
      .notNull()
      .references(() => partners.id),
    side: ratingSideEnum("side").notNull(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    score: smallint("score").notNull(),
    /** Optional 1-5 scores of the four dimensions. */
    communication: smallint("communication"),
    trust: smallint("trust"),
    value: smallint("value"),
    support: smallint("support"),
    comment: text("comment"),
    /** The day it was given, in the program's time zone. */
    ratedOn: date("rated_on").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("ratings_program_partner_day").on(
      t.programId,
      t.partnerId,
      t.ratedOn,
    ),
  ],
);

/**
 * Revenue events summed per month and customers' partner (null for
 * direct customers): what scorecards read instead of every event when
 * periods are whole months. Kept equal to the events by every write
 * that adds or changes one, in its transaction (revenue-months.ts).
 */
export const revenueMonths = pgTable(
  "revenue_months",
  {
    programId: programId(),
    partnerId: bigint("partner_id", { mode: "number" }).references(
      () => partners.id,
    ),
    /** The first day of the month of the events' days. */
    month: date("month").notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
  },
  (t) => [
    unique("revenue_months_program_partner_month")
      .on(t.programId, t.partnerId, t.month)
      .nullsNotDistinct(),
  ],
);
