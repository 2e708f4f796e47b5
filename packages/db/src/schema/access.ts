import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.js";
import { roleEnum } from "./enums.js";
import { users } from "./people.js";
import { partners, programId } from "./programs.js";

/**
 * A person asked by email to join a program in a role. The link carries
 * a random token; only its sha256 is kept. It works once, until
 * expires_at, unless revoked (a new invitation to the same address
 * revokes the pending one).
 */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    programId: programId(),
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    /** Set for partner roles. */
    partnerId: bigint("partner_id", { mode: "number" }).references(
      () => partners.id,
    ),
    tokenHash: text("token_hash").notNull(),
    invitedBy: bigint("invited_by", { mode: "number" })
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: bigint("accepted_by", { mode: "number" }).references(
      () => users.id,
    ),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("invitations_token").on(t.tokenHash),
    // One open invitation per address and program.
    uniqueIndex("invitations_open_email")
      .on(t.programId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);

/** A password reset link: the token's sha256, single use, short-lived. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("password_resets_token").on(t.tokenHash),
    index("password_resets_user").on(t.userId, t.createdAt),
  ],
);

/**
 * A failed sign-in, counted per email and per client address. `key` is
 * a sha256 of "email:<address>" or "ip:<address>", so the table keeps
 * no address in the clear. Kept in the database, so the limit holds
 * across portal processes and restarts.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: id(),
    key: text("key").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [index("sign_in_failures_key").on(t.key, t.attemptedAt)],
);
