import {
  bigint,
  index,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.js";
import { users } from "./people.js";
import { partners, programId } from "./programs.js";

const partnerId = () =>
  bigint("partner_id", { mode: "number" }).references(() => partners.id);
const createdBy = () =>
  bigint("created_by", { mode: "number" }).references(() => users.id);

/**
 * What a partnership is for (an objective id of the metric engine), or
 * the program's own when partner_id is null. Removing one keeps the row.
 */
export const partnershipObjectives = pgTable(
  "partnership_objectives",
  {
    id: id(),
    programId: programId(),
    partnerId: partnerId(),
    objective: text("objective").notNull(),
    createdBy: createdBy(),
    createdAt: createdAt(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [index("objectives_program_partner").on(t.programId, t.partnerId)],
);

/** A metric the partnership steers by, with its weight in the score. */
export const keyMetrics = pgTable(
  "key_metrics",
  {
    id: id(),
    programId: programId(),
    partnerId: partnerId(),
    metricId: text("metric_id").notNull(),
    weight: smallint("weight").notNull().default(1),
    createdBy: createdBy(),
    createdAt: createdAt(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [index("key_metrics_program_partner").on(t.programId, t.partnerId)],
);

/**
 * The target of a key metric for one period ("quarter", "2026-Q4").
 * Money targets are minor units; percents are fractions.
 */
export const keyMetricTargets = pgTable(
  "key_metric_targets",
  {
    id: id(),
    programId: programId(),
    keyMetricId: bigint("key_metric_id", { mode: "number" })
      .notNull()
      .references(() => keyMetrics.id),
    periodKind: text("period_kind").notNull(),
    periodKey: text("period_key").notNull(),
    target: numeric("target", { precision: 24, scale: 6 }).notNull(),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("key_metric_targets_period").on(
      t.keyMetricId,
      t.periodKind,
      t.periodKey,
    ),
  ],
);
