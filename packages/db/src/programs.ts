import { and, asc, eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { todayIn } from "@tandem/metrics";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import { partners, programs } from "./schema/index.js";

export type Program = typeof programs.$inferSelect;
export type Partner = typeof partners.$inferSelect;

/** Fraction digits of a currency as Intl knows them (USD 2, JPY 0). */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", {
      style: "currency",
      currency,
    }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

export async function createProgram(
  db: Database,
  input: { name: string; timeZone: string; currency: string },
): Promise<Program> {
  const [program] = await db
    .insert(programs)
    .values({
      name: input.name,
      timeZone: input.timeZone,
      currency: input.currency,
      currencyDigits: currencyDigits(input.currency),
    })
    .returning();
  return program!;
}

export async function getProgram(
  db: Database,
  programId: number,
): Promise<Program | null> {
  const [program] = await db
    .select()
    .from(programs)
    .where(eq(programs.id, programId));
  return program ?? null;
}

/** Today in the program's time zone: the day a write is booked on. */
export function programToday(
  program: Pick<Program, "timeZone">,
  now?: Temporal.Instant,
): string {
  return todayIn(program.timeZone, now);
}

/**
 * How a typed name is compared with a stored one (a partner's, a
 * customer's): case, surrounding spaces and runs of spaces do not count
 * ("  bluefin consulting " is Bluefin Consulting).
 */
export function typedNameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

export async function createPartner(
  db: Database,
  input: { programId: number; name: string },
): Promise<Partner> {
  const [partner] = await db
    .insert(partners)
    .values({ programId: input.programId, name: input.name.trim() })
    .returning();
  return partner!;
}

/** A partner added by a person, recorded in the program's log. */
export async function addPartner(
  db: Database,
  input: { programId: number; name: string; actorId: number },
): Promise<Partner> {
  return db.transaction(async (tx) => {
    const partner = await createPartner(tx, input);
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      partnerId: partner.id,
      kind: "partner.created",
      subjectType: "partner",
      subjectId: partner.id,
      summary: `Added the partner ${partner.name}`,
    });
    return partner;
  });
}

export async function listPartners(
  db: Database,
  { programId }: { programId: number },
): Promise<Partner[]> {
  return db
    .select()
    .from(partners)
    .where(eq(partners.programId, programId))
    .orderBy(asc(partners.name));
}

export async function getPartner(
  db: Database,
  { programId, partnerId }: { programId: number; partnerId: number },
): Promise<Partner | null> {
  const [partner] = await db
    .select()
    .from(partners)
    .where(and(eq(partners.programId, programId), eq(partners.id, partnerId)));
  return partner ?? null;
}
