import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.js";
import { users } from "./people.js";
import { programId } from "./programs.js";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * A file as it was uploaded, kept until it is imported (and after, so
 * what a person sent is never lost). The mapping step reads it back.
 */
export const uploads = pgTable(
  "uploads",
  {
    id: id(),
    programId: programId(),
    fileName: text("file_name").notNull(),
    bytes: bytea("bytes").notNull(),
    createdBy: bigint("created_by", { mode: "number" }).references(
      () => users.id,
    ),
    createdAt: createdAt(),
  },
  (t) => [index("uploads_program").on(t.programId)],
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
    /** sha256 of the file's bytes, to refuse the same file twice. */
    fingerprint: text("fingerprint"),
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
  (t) => [
    index("imports_program").on(t.programId),
    // The same file twice would count its revenue twice.
    uniqueIndex("imports_fingerprint").on(t.programId, t.kind, t.fingerprint),
  ],
);
