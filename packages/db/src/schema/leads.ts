import {
  type AnyPgColumn,
  bigint,
  date,
  index,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { leadMatchKindEnum, leadSourceEnum, leadStatusEnum } from "./enums.js";
import { column, companyKey, domainKey, emailKey } from "./match-keys.js";
import { users } from "./people.js";
import { customers } from "./revenue.js";
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
    /** The company's website or domain, as a bare host name. */
    companyDomain: text("company_domain"),
    /** Match keys (decision 0016), kept by the database itself. */
    nameKey: text("name_key").generatedAlwaysAs(companyKey(column("company"))),
    domainKey: text("domain_key").generatedAlwaysAs(
      domainKey(column("company_domain"), column("contact_email")),
    ),
    emailKey: text("email_key").generatedAlwaysAs(
      emailKey(column("contact_email")),
    ),
    estimatedValueMinor: bigint("estimated_value_minor", { mode: "bigint" }),
    notes: text("notes"),
    status: leadStatusEnum("status").notNull(),
    source: leadSourceEnum("source").notNull(),
    /** The day of registration in the program's time zone. */
    registeredOn: date("registered_on").notNull(),
    /** The day it was won or lost, in the program's time zone. */
    closedOn: date("closed_on"),
    wonAmountMinor: bigint("won_amount_minor", { mode: "bigint" }),
    /** The day it was last accepted, in the program's time zone. */
    acceptedOn: date("accepted_on"),
    /** Protected for its partner through this day, while accepted. */
    protectedUntil: date("protected_until"),
    /** When the partner was warned that protection ends (once). */
    expiryWarnedAt: timestamp("expiry_warned_at", { withTimezone: true }),
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
    index("leads_program_name_key").on(t.programId, t.nameKey),
    index("leads_program_domain_key").on(t.programId, t.domainKey),
    index("leads_program_email_key").on(t.programId, t.emailKey),
    index("leads_program_protected").on(
      t.programId,
      t.status,
      t.protectedUntil,
    ),
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

/**
 * What a registration matched when it was made: a lead (of the same
 * partner or another) or a customer, and by which rules. Kept so owner
 * staff see what the portal saw; never shown to a partner beyond its
 * own leads.
 */
export const leadMatches = pgTable(
  "lead_matches",
  {
    id: id(),
    programId: programId(),
    leadId: bigint("lead_id", { mode: "number" })
      .notNull()
      .references(() => leads.id),
    kind: leadMatchKindEnum("kind").notNull(),
    matchedLeadId: bigint("matched_lead_id", { mode: "number" }).references(
      () => leads.id,
    ),
    matchedCustomerId: bigint("matched_customer_id", {
      mode: "number",
    }).references((): AnyPgColumn => customers.id),
    /** "name", "domain", "email": the rules that matched. */
    rules: text("rules").array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("lead_matches_lead").on(t.programId, t.leadId),
    index("lead_matches_matched").on(t.programId, t.matchedLeadId),
  ],
);

/** Comments on a lead, seen by its partner and the owner's staff. */
export const leadComments = pgTable(
  "lead_comments",
  {
    id: id(),
    programId: programId(),
    leadId: bigint("lead_id", { mode: "number" })
      .notNull()
      .references(() => leads.id),
    authorId: bigint("author_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("lead_comments_lead").on(t.programId, t.leadId, t.createdAt)],
);
