import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  type SQL,
} from "drizzle-orm";
import type { Temporal } from "temporal-polyfill";
import type { Database } from "./client.js";
import { findOrCreateCustomer, recordWonRevenue } from "./customers.js";
import { canMove } from "./lead-transitions.js";
import { notifyScorecardChanged } from "./notify.js";
import { getProgram, programToday } from "./programs.js";
import { fail, ok, type Result } from "./result.js";
import {
  leadEvents,
  leads,
  partners,
  users,
  type LeadStatus,
} from "./schema/index.js";

export type Lead = typeof leads.$inferSelect;
export type LeadWithPartner = Lead & { partnerName: string };

export interface NewLead {
  company: string;
  contactName: string;
  contactEmail: string;
  estimatedValueMinor: bigint | null;
  notes: string | null;
}

/** A partner's user registers a lead; it starts as submitted. */
export async function registerLead(
  db: Database,
  input: {
    programId: number;
    partnerId: number;
    actorId: number;
    lead: NewLead;
    now?: Temporal.Instant;
  },
): Promise<Lead> {
  const program = await getProgram(db, input.programId);
  if (!program) throw new Error(`program ${input.programId} not found`);
  const today = programToday(program, input.now);
  return db.transaction(async (tx) => {
    const [lead] = await tx
      .insert(leads)
      .values({
        programId: input.programId,
        partnerId: input.partnerId,
        ...input.lead,
        status: "submitted",
        source: "portal",
        registeredOn: today,
        createdBy: input.actorId,
        // The response time counts from this instant, so it is `now`.
        createdAt: instant(input.now),
      })
      .returning();
    await tx.insert(leadEvents).values({
      programId: input.programId,
      leadId: lead!.id,
      fromStatus: null,
      toStatus: "submitted",
      effectiveOn: today,
      actorId: input.actorId,
      createdAt: instant(input.now),
    });
    await notifyScorecardChanged(tx, input);
    return lead!;
  });
}

/** The moment of an action: `now` when given, else the database's. */
function instant(now: Temporal.Instant | undefined): Date | undefined {
  return now === undefined ? undefined : new Date(now.epochMilliseconds);
}

const leadColumns = { ...getTableColumns(leads), partnerName: partners.name };

interface LeadFilter {
  programId: number;
  /** Narrows to one partner; must be given for partner users. */
  partnerId?: number | null;
  statuses?: readonly LeadStatus[];
}

function leadFilters(input: LeadFilter): SQL | undefined {
  const filters: SQL[] = [eq(leads.programId, input.programId)];
  if (input.partnerId != null) {
    filters.push(eq(leads.partnerId, input.partnerId));
  }
  if (input.statuses) filters.push(inArray(leads.status, [...input.statuses]));
  return and(...filters);
}

/** Leads of a program, newest first, a page at a time. */
export async function listLeads(
  db: Database,
  input: LeadFilter & { limit?: number; offset?: number },
): Promise<LeadWithPartner[]> {
  return db
    .select(leadColumns)
    .from(leads)
    .innerJoin(partners, eq(partners.id, leads.partnerId))
    .where(leadFilters(input))
    .orderBy(desc(leads.registeredOn), desc(leads.id))
    .limit(input.limit ?? 200)
    .offset(input.offset ?? 0);
}

export async function countLeads(
  db: Database,
  input: LeadFilter,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(leads)
    .where(leadFilters(input));
  return row?.n ?? 0;
}

export async function getLead(
  db: Database,
  input: { programId: number; leadId: number; partnerId?: number | null },
): Promise<LeadWithPartner | null> {
  const filters: SQL[] = [
    eq(leads.programId, input.programId),
    eq(leads.id, input.leadId),
  ];
  if (input.partnerId != null)
    filters.push(eq(leads.partnerId, input.partnerId));
  const [lead] = await db
    .select(leadColumns)
    .from(leads)
    .innerJoin(partners, eq(partners.id, leads.partnerId))
    .where(and(...filters));
  return lead ?? null;
}

export async function listLeadEvents(
  db: Database,
  { programId, leadId }: { programId: number; leadId: number },
) {
  return db
    .select({
      id: leadEvents.id,
      fromStatus: leadEvents.fromStatus,
      toStatus: leadEvents.toStatus,
      reason: leadEvents.reason,
      amountMinor: leadEvents.amountMinor,
      effectiveOn: leadEvents.effectiveOn,
      createdAt: leadEvents.createdAt,
      actorName: users.name,
    })
    .from(leadEvents)
    .leftJoin(users, eq(users.id, leadEvents.actorId))
    .where(
      and(eq(leadEvents.programId, programId), eq(leadEvents.leadId, leadId)),
    )
    .orderBy(asc(leadEvents.createdAt), asc(leadEvents.id));
}

export type LeadChange =
  | { to: "accepted"; reason?: string | null }
  | { to: "rejected"; reason: string }
  | { to: "won"; amountMinor: bigint; closedOn: string; reason?: string | null }
  | { to: "lost"; closedOn: string; reason?: string | null };

export type LeadChangeError =
  "not_found" | "invalid_transition" | "no_company" | "before_registration";

/**
 * Owner staff move a lead along the pipeline. The move is checked against
 * the transition map under a row lock, recorded in the lead's history,
 * and a won lead books its customer and `new` revenue event.
 */
export async function changeLeadStatus(
  db: Database,
  input: {
    programId: number;
    leadId: number;
    actorId: number;
    change: LeadChange;
    now?: Temporal.Instant;
  },
): Promise<Result<Lead, LeadChangeError>> {
  const program = await getProgram(db, input.programId);
  if (!program) return fail("not_found", "This program does not exist.");
  const today = programToday(program, input.now);
  const { change } = input;
  return db.transaction(async (tx) => {
    const [lead] = await tx
      .select()
      .from(leads)
      .where(
        and(eq(leads.programId, input.programId), eq(leads.id, input.leadId)),
      )
      .for("update");
    if (!lead) return fail("not_found", "This lead does not exist.");
    if (!canMove(lead.status, change.to)) {
      return fail(
        "invalid_transition",
        `A ${lead.status} lead cannot be marked ${change.to}.`,
      );
    }
    if (change.to === "won" && !lead.company) {
      return fail("no_company", "A lead without a company cannot be won.");
    }

    const closedOn = "closedOn" in change ? change.closedOn : null;
    if (closedOn !== null && closedOn < lead.registeredOn) {
      return fail(
        "before_registration",
        `The lead was registered on ${lead.registeredOn}; it cannot close before that.`,
      );
    }
    const amountMinor = change.to === "won" ? change.amountMinor : null;
    const [updated] = await tx
      .update(leads)
      .set({
        status: change.to,
        closedOn,
        wonAmountMinor: amountMinor,
        updatedAt: new Date(),
      })
      .where(eq(leads.id, lead.id))
      .returning();
    await tx.insert(leadEvents).values({
      programId: input.programId,
      leadId: lead.id,
      fromStatus: lead.status,
      toStatus: change.to,
      reason: change.reason ?? null,
      amountMinor,
      effectiveOn: closedOn ?? today,
      actorId: input.actorId,
      createdAt: instant(input.now),
    });
    if (change.to === "won") {
      const customerId = await findOrCreateCustomer(tx, {
        programId: input.programId,
        partnerId: lead.partnerId,
        name: lead.company!,
        leadId: lead.id,
        acquiredOn: change.closedOn,
      });
      await recordWonRevenue(tx, {
        programId: input.programId,
        customerId,
        leadId: lead.id,
        amountMinor: change.amountMinor,
        occurredOn: change.closedOn,
      });
    }
    await notifyScorecardChanged(tx, {
      programId: input.programId,
      partnerId: lead.partnerId,
    });
    return ok(updated!);
  });
}
