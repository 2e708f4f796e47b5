import {
  char,
  index,
  pgTable,
  smallint,
  text,
  unique,
} from "drizzle-orm/pg-core";

import { bigint } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.js";

export const programs = pgTable("programs", {
  id: id(),
  name: text("name").notNull(),
  /** IANA zone; every period of the program is computed in it. */
  timeZone: text("time_zone").notNull(),
  /** ISO 4217 code; all money of the program is in it. */
  currency: char("currency", { length: 3 }).notNull(),
  /** Fraction digits of the currency (2 for USD, 0 for JPY). */
  currencyDigits: smallint("currency_digits").notNull(),
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
    createdAt: createdAt(),
  },
  (t) => [
    unique("partners_program_name").on(t.programId, t.name),
    index("partners_program").on(t.programId),
  ],
);
