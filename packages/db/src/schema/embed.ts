import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
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

/** The column mapping last used for an import kind, for next time. */
export const importMappings = pgTable(
  "import_mappings",
  {
    id: id(),
    programId: programId(),
    kind: text("kind").notNull(),
    mapping: jsonb("mapping").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [unique("import_mappings_program_kind").on(t.programId, t.kind)],
);

/** One import run: what came in, what was refused and why. */
export const imports = pgTable(
  "imports",
  {
    id: id(),
    programId: programId(),
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    rowsRead: integer("rows_read").notNull(),
    created: integer("created").notNull(),
    updated: integer("updated").notNull(),
    unchanged: integer("unchanged").notNull(),
    /** [{ rowNumber, reasons[] }] for the rows that were refused. */
    rejected: jsonb("rejected").notNull(),
    createdBy: bigint("created_by", { mode: "number" }).references(
      () => users.id,
    ),
    createdAt: createdAt(),
  },
  (t) => [index("imports_program").on(t.programId)],
);
