import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { roleEnum } from "./enums.js";
import { createdAt, id } from "./columns.js";
import { partners, programId, programs } from "./programs.js";

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** An argon2id PHC string; never the password. */
    passwordHash: text("password_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email").on(sql`lower(${t.email})`)],
);

/** A user's role in one program; partner roles name their partner. */
export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    programId: programId(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    role: roleEnum("role").notNull(),
    partnerId: bigint("partner_id", { mode: "number" }).references(
      () => partners.id,
    ),
    createdAt: createdAt(),
  },
  (t) => [
    unique("memberships_program_user").on(t.programId, t.userId),
    index("memberships_user").on(t.userId),
  ],
);

/**
 * A signed-in browser. The cookie holds the id (signed); signing out
 * sets revoked_at, so a copied cookie stops working at once.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /**
     * The browser and system it was opened in ("Firefox 128 on Linux"),
     * read from its User-Agent at sign-in, so a person can tell their
     * sessions apart; the raw header is not kept.
     */
    browser: text("browser"),
    /**
     * The program this browser works in, for people of several; checked
     * against the memberships on every read.
     */
    currentProgramId: bigint("current_program_id", {
      mode: "number",
    }).references(() => programs.id),
  },
  (t) => [index("sessions_user").on(t.userId)],
);
