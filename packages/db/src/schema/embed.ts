import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { embedScopeEnum } from "./enums.js";
import { users } from "./people.js";
import { createdAt, id } from "./columns.js";
import { partners, programId } from "./programs.js";

/**
 * A publishable key for <partner-scorecard>: one partner's scorecard, or
 * the program's badge of aggregate figures; listed origins only.
 */
export const embedKeys = pgTable(
  "embed_keys",
  {
    id: id(),
    programId: programId(),
    scope: embedScopeEnum("scope").notNull().default("partner"),
    /** Set exactly when the scope is a partner. */
    partnerId: bigint("partner_id", { mode: "number" }).references(
      () => partners.id,
    ),
    /** The metric ids it may show, in order; null for the defaults. */
    metrics: text("metrics").array(),
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
  (t) => [
    index("embed_keys_program").on(t.programId),
    check(
      "embed_keys_scope_partner",
      sql`(${t.scope} = 'partner') = (${t.partnerId} is not null)`,
    ),
  ],
);
