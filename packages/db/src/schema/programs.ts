import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  unique,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.js";
import { partnerTypeEnum, ratingCadenceEnum } from "./enums.js";

export interface HealthWeights {
  engagement: number;
  satisfaction: number;
  growth: number;
  expansion: number;
}

export const programs = pgTable("programs", {
  id: id(),
  name: text("name").notNull(),
  /** IANA zone; every period of the program is computed in it. */
  timeZone: text("time_zone").notNull(),
  /** ISO 4217 code; all money of the program is in it. */
  currency: char("currency", { length: 3 }).notNull(),
  /** Fraction digits of the currency (2 for USD, 0 for JPY). */
  currencyDigits: smallint("currency_digits").notNull(),
  /** Gross margin for P-CLTV in basis points: 10000 is 100 %. */
  grossMarginBasisPoints: integer("gross_margin_bp").notNull().default(10000),
  /** P-CLTV's expected lifetime when no customer churns. */
  lifetimeCapMonths: smallint("lifetime_cap_months").notNull().default(60),
  healthWeights: jsonb("health_weights")
    .$type<HealthWeights>()
    .notNull()
    .default(
      sql`'{"engagement":1,"satisfaction":1,"growth":1,"expansion":1}'::jsonb`,
    ),
  /** Each side rates every partnership once a calendar period. */
  ratingCadence: ratingCadenceEnum("rating_cadence")
    .notNull()
    .default("quarter"),
  /** Days an accepted lead stays its partner's (decision 0016). */
  protectionDays: smallint("protection_days").notNull().default(90),
  /** Days owner staff have to decide a registered lead. */
  decisionSlaDays: smallint("decision_sla_days").notNull().default(2),
  createdAt: createdAt(),
});

/** Every row that belongs to a program says so (see ARCHITECTURE.md). */
export const programId = () =>
  bigint("program_id", { mode: "number" })
    .notNull()
    .references(() => programs.id);

export const partners = pgTable(
  "partners",
  {
    id: id(),
    programId: programId(),
    name: text("name").notNull(),
    type: partnerTypeEnum("type").notNull().default("reseller"),
    tier: text("tier"),
    /** Customers or audience the partner says it reaches. */
    declaredReach: integer("declared_reach"),
    /** Active from this day (in the program's zone) ... */
    joinedOn: date("joined_on")
      .notNull()
      .default(sql`current_date`),
    /** ... until the day before this one, when set. */
    endedOn: date("ended_on"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("partners_program_name").on(t.programId, t.name),
    index("partners_program").on(t.programId),
  ],
);

/** The accounts the program aims at in a market segment. */
export const targetSegments = pgTable(
  "target_segments",
  {
    id: id(),
    programId: programId(),
    name: text("name").notNull(),
    targetAccounts: integer("target_accounts").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("target_segments_program_name").on(t.programId, t.name)],
);
