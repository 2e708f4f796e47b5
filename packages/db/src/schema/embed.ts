import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./people.js";
import { createdAt, id } from "./columns.js";
import { partners, programId } from "./programs.js";

/** A publishable key for <partner-scorecard>: one partner, listed origins. */
export const embedKeys = pgTable(
  "embed_keys",
  {
    id: id(),
    programId: programId(),
    partnerId: bigint("partner_id", { mode: "number" })
      .notNull()
      .references(() => partners.id),
    /** "pk_" and 32 random hex digits; publishable, not a secret. */
    key: text("key").notNull().unique(),
    label: text("label").notNull(),
    allowedOrigins: text("allowed_origins").array().notNull(),
    createdBy: bigint("created_by", { mode: "number" }).references(
      () => users.id,
    ),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("embed_keys_program").on(t.programId)],
);
