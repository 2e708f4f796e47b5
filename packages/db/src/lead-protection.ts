import {
  and,
  asc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  or,
} from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { Database } from "./client.js";
import { moveLead } from "./lead-moves.js";
import {
  notifyPeople,
  ownerPeopleOf,
  partnerPeopleOf,
} from "./notifications.js";
import { programToday } from "./programs.js";
import { leadMatches, leads, partners, programs } from "./schema/index.js";

/** Partners are warned this many days before protection ends. */
export const EXPIRY_WARNING_DAYS = 7;

/** Leads handled per transaction, so one sweep never holds many locks. */
const BATCH = 100;

/**
 * Days of protection left on `today` (0 on the last protected day), or
 * null when the lead holds none (not accepted).
 */
export function protectionDaysLeft(
  lead: { status: string; protectedUntil: string | null },
  today: string,
): number | null {
  if (lead.status !== "accepted" || lead.protectedUntil === null) return null;
  return Temporal.PlainDate.from(today).until(lead.protectedUntil).days;
}

/**
 * Why a lead may not be accepted while another partner's accepted lead
 * for the same company holds it (either registration matched the
 * other), or null. Leads in `except` are rejected in the same decision.
 */
export async function heldByAnotherPartner(
  tx: Pick<Database, "select">,
  input: {
    programId: number;
    lead: { id: number; partnerId: number };
    except?: readonly number[];
  },
): Promise<string | null> {
  const links = await tx
    .select({ a: leadMatches.leadId, b: leadMatches.matchedLeadId })
    .from(leadMatches)
    .where(
      and(
        eq(leadMatches.programId, input.programId),
        or(
          eq(leadMatches.leadId, input.lead.id),
          eq(leadMatches.matchedLeadId, input.lead.id),
        ),
      ),
    );
  const linked = links
    .flatMap((l) => [l.a, l.b ?? l.a])
    .filter((id) => id !== input.lead.id && !input.except?.includes(id));
  if (linked.length === 0) return null;
  const [rival] = await tx
    .select({
      id: leads.id,
      partnerName: partners.name,
      protectedUntil: leads.protectedUntil,
    })
    .from(leads)
    .innerJoin(partners, eq(partners.id, leads.partnerId))
    .where(
      and(
        eq(leads.programId, input.programId),
        inArray(leads.id, [...new Set(linked)]),
        eq(leads.status, "accepted"),
        ne(leads.partnerId, input.lead.partnerId),
      ),
    )
    .orderBy(asc(leads.id))
    .limit(1);
  if (!rival) return null;
  const until = rival.protectedUntil ? ` through ${rival.protectedUntil}` : "";
  return (
    `Lead ${rival.id} of ${rival.partnerName} is accepted for the same ` +
    `company and protected for its partner${until}. Reject it first ` +
    "(or with this decision), or reject this registration."
  );
}

export interface SweepResult {
  expired: number;
  warned: number;
}

/**
 * Ends the protection of accepted leads past their last protected day
 * and warns, once, of protection ending soon, in every program by its
 * own day. Safe to run from several processes at once: rows are taken
 * with SKIP LOCKED and re-checked in the statement that takes them,
 * and a lead already moved or warned is not taken again.
 */
export async function sweepLeadProtection(
  db: Database,
  { now }: { now: Temporal.Instant },
): Promise<SweepResult> {
  const all = await db
    .select({ id: programs.id, timeZone: programs.timeZone })
    .from(programs)
    .orderBy(asc(programs.id));
  const result: SweepResult = { expired: 0, warned: 0 };
  for (const program of all) {
    const today = programToday(program, now);
    for (;;) {
      const n = await expireBatch(db, program.id, today, now);
      result.expired += n;
      if (n < BATCH) break;
    }
    for (;;) {
      const n = await warnBatch(db, program.id, today, now);
      result.warned += n;
      if (n < BATCH) break;
    }
  }
  return result;
}

async function expireBatch(
  db: Database,
  programId: number,
  today: string,
  now: Temporal.Instant,
): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(leads)
      .where(
        and(
          eq(leads.programId, programId),
          eq(leads.status, "accepted"),
          lt(leads.protectedUntil, today),
        ),
      )
      .orderBy(asc(leads.id))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    for (const lead of due) {
      await moveLead(tx, {
        programId,
        lead,
        to: "expired",
        reason: `Protection ended on ${lead.protectedUntil} before the lead was won or lost.`,
        actorId: null,
        today,
        createdAt: new Date(now.epochMilliseconds),
      });
    }
    return due.length;
  });
}

async function warnBatch(
  db: Database,
  programId: number,
  today: string,
  now: Temporal.Instant,
): Promise<number> {
  const horizon = Temporal.PlainDate.from(today)
    .add({ days: EXPIRY_WARNING_DAYS })
    .toString();
  return db.transaction(async (tx) => {
    const soon = await tx
      .select()
      .from(leads)
      .where(
        and(
          eq(leads.programId, programId),
          eq(leads.status, "accepted"),
          isNull(leads.expiryWarnedAt),
          gte(leads.protectedUntil, today),
          lte(leads.protectedUntil, horizon),
        ),
      )
      .orderBy(asc(leads.id))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    const owners = soon.length > 0 ? await ownerPeopleOf(tx, programId) : [];
    for (const lead of soon) {
      await tx
        .update(leads)
        .set({ expiryWarnedAt: new Date(now.epochMilliseconds) })
        .where(eq(leads.id, lead.id));
      const left = protectionDaysLeft(lead, today)!;
      const company = lead.company ?? "(no company)";
      const when =
        left === 0 ? "today" : `in ${left} day${left === 1 ? "" : "s"}`;
      const body = `Protection of the lead for ${company} ends ${when} (last day ${lead.protectedUntil}) unless it is won or lost.`;
      const notice = {
        programId,
        kind: "lead_expiring" as const,
        title: `Lead ${company}: protection ends ${when}`,
        body,
        link: `/leads/${lead.id}`,
      };
      await notifyPeople(tx, {
        ...notice,
        userIds: await partnerPeopleOf(tx, programId, lead.partnerId),
      });
      await notifyPeople(tx, { ...notice, userIds: owners });
    }
    return soon.length;
  });
}
