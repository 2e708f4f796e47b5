import {
  bigint,
  date,
  index,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { leadSourceEnum, leadStatusEnum } from "./enums.js";
import { users } from "./people.js";
import { createdAt, id } from "./columns.js";
import { partners, programId } from "./programs.js";

export const leads = pgTable(
  "leads",
  {
    id: id(),
    programId: programId(),
    /** The source partner (the first one named on a co-sold lead). */
    partnerId: bigint("partner_id", { mode: "number" })
      .notNull()
      .references(() => partners.id),
    /** The id in the system it came from (a CRM export); unique. */
    externalId: text("external_id"),
    company: text("company"),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    estimatedValueMinor: bigint("estimated_value_minor", { mode: "bigint" }),
    notes: text("notes"),
    status: leadStatusEnum("status").notNull(),
    source: leadSourceEnum("source").notNull(),
    /** The day of registration in the program's time zone. */
    registeredOn: date("registered_on").notNull(),
    /** The day it was won or lost, in the program's time zone. */
    closedOn: date("closed_on"),
    wonAmountMinor: bigint("won_amount_minor", { mode: "bigint" }),
    createdBy: bigint("created_by", { mode: "number" }).references(
      () => users.id,
    ),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    unique("leads_program_external").on(t.programId, t.externalId),
    index("leads_program_partner_registered").on(
      t.programId,
      t.partnerId,
      t.registeredOn,
    ),
    index("leads_program_partner_closed").on(
      t.programId,
      t.partnerId,
      t.closedOn,
    ),
    index("leads_program_status").on(t.programId, t.status),
  ],
);

/** Every status change of a lead: who, when, why. Never updated. */
export const leadEvents = pgTable(
  "lead_events",
  {
    id: id(),
    programId: programId(),
    leadId: bigint("lead_id", { mode: "number" })
      .notNull()
      .references(() => leads.id),
    fromStatus: leadStatusEnum("from_status"),
    toStatus: leadStatusEnum("to_status").notNull(),
    reason: text("reason"),
    amountMinor: bigint("amount_minor", { mode: "bigint" }),
    /** The business day of the change (the won or lost day). */
    effectiveOn: date("effective_on").notNull(),
    actorId: bigint("actor_id", { mode: "number" }).references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("lead_events_lead").on(t.programId, t.leadId)],
);
