import {
  bigint,
  boolean,
  date,
  index,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.js";
import { activityKindEnum, costKindEnum } from "./enums.js";
import { leads } from "./leads.js";
import { users } from "./people.js";
import { partners, programId } from "./programs.js";

const partnerId = () =>
  bigint("partner_id", { mode: "number" })
    .notNull()
    .references(() => partners.id);
const createdBy = () =>
  bigint("created_by", { mode: "number" }).references(() => users.id);

/** Money spent on a partner: commission, funds, fees, enablement. */
export const costs = pgTable(
  "costs",
  {
    id: id(),
    programId: programId(),
    partnerId: partnerId(),
    kind: costKindEnum("kind").notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    incurredOn: date("incurred_on").notNull(),
    note: text("note"),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [
    index("costs_program_partner_day").on(
      t.programId,
      t.partnerId,
      t.incurredOn,
    ),
  ],
);

/** A joint activity or a communication, with the partners involved. */
export const activities = pgTable(
  "activities",
  {
    id: id(),
    programId: programId(),
    kind: activityKindEnum("kind").notNull(),
    title: text("title").notNull(),
    occurredOn: date("occurred_on").notNull(),
    /** Innovation counts when completed; other kinds when they happened. */
    completed: boolean("completed").notNull().default(true),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index("activities_program_day").on(t.programId, t.occurredOn)],
);

export const activityPartners = pgTable(
  "activity_partners",
  {
    programId: programId(),
    activityId: bigint("activity_id", { mode: "number" })
      .notNull()
      .references(() => activities.id),
    partnerId: partnerId(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.partnerId] }),
    index("activity_partners_partner").on(t.programId, t.partnerId),
  ],
);

/**
 * The further partners of a co-sold lead; the source partner stays on
 * the lead itself (leads.partner_id).
 */
export const leadPartners = pgTable(
  "lead_partners",
  {
    programId: programId(),
    leadId: bigint("lead_id", { mode: "number" })
      .notNull()
      .references(() => leads.id),
    partnerId: partnerId(),
    position: smallint("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.leadId, t.partnerId] }),
    index("lead_partners_partner").on(t.programId, t.partnerId),
  ],
);

/**
 * A value staff enter for a metric without an event source (a survey,
 * a saving), for a partner or the whole program (partner null).
 */
export const manualMeasures = pgTable(
  "manual_measures",
  {
    id: id(),
    programId: programId(),
    partnerId: bigint("partner_id", { mode: "number" }).references(
      () => partners.id,
    ),
    metricId: text("metric_id").notNull(),
    measuredOn: date("measured_on").notNull(),
    value: numeric("value", { precision: 20, scale: 6 }).notNull(),
    note: text("note"),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [
    index("manual_measures_program_metric_day").on(
      t.programId,
      t.metricId,
      t.measuredOn,
    ),
  ],
);
