import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  sql,
  type SQL,
} from "drizzle-orm";
import type { Temporal } from "temporal-polyfill";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import {
  findMatches,
  matchKeysOf,
  outcomeOf,
  reviewReasonOf,
  type LeadMatch,
  type MatchKeys,
  type RegistrationOutcome,
} from "./lead-matching.js";
import { moveLead } from "./lead-moves.js";
import { heldByAnotherPartner } from "./lead-protection.js";
import { canMove } from "./lead-transitions.js";
import { notifyPeople, ownerPeopleOf } from "./notifications.js";
import { notifyScorecardChanged } from "./notify.js";
import { getProgram, programToday } from "./programs.js";
import { fail, ok, type Result } from "./result.js";
import {
  leadEvents,
  leadMatches,
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
  /** The company's website or domain, as a bare host name. */
  companyDomain?: string | null;
  estimatedValueMinor: bigint | null;
  notes: string | null;
}

export type RegisteredLead = Lead & {
  outcome: RegistrationOutcome;
  matches: LeadMatch[];
};

/**
 * What registering this lead would say now (decision 0016): new, a
 * possible duplicate of the partner's own lead, or a conflict. The
 * partner's own matching leads come back so the form can name them;
 * of any other match, only that there is one.
 */
export async function checkRegistration(
  db: Database,
  input: { programId: number; partnerId: number; lead: NewLead },
): Promise<{ outcome: RegistrationOutcome; ownLeads: LeadWithPartner[] }> {
  const program = await getProgram(db, input.programId);
  if (!program) throw new Error(`program ${input.programId} not found`);
  const matches = await findMatches(db, {
    programId: input.programId,
    partnerId: input.partnerId,
    keys: await matchKeysOf(db, input.lead),
    today: programToday(program),
  });
  const own = matches
    .filter((m) => m.kind === "same_partner" && m.leadId !== null)
    .map((m) => m.leadId!);
  const ownLeads =
    own.length === 0
      ? []
      : await listLeads(db, {
          programId: input.programId,
          partnerId: input.partnerId,
          ids: own,
        });
  return { outcome: outcomeOf(matches), ownLeads };
}

/**
 * A partner's user registers a lead. It is matched against the
 * program's open and won leads and its customers in the same
 * transaction, under a lock per key so two registrations of one
 * company cannot both pass as new: a conflict is put under review for
 * owner staff, anything else starts as submitted.
 */
export async function registerLead(
  db: Database,
  input: {
    programId: number;
    partnerId: number;
    actorId: number;
    lead: NewLead;
    now?: Temporal.Instant;
  },
): Promise<RegisteredLead> {
  const program = await getProgram(db, input.programId);
  if (!program) throw new Error(`program ${input.programId} not found`);
  const today = programToday(program, input.now);
  return db.transaction(async (tx) => {
    const [partner] = await tx
      .select({ name: partners.name })
      .from(partners)
      .where(
        and(
          eq(partners.programId, input.programId),
          eq(partners.id, input.partnerId),
        ),
      );
    if (!partner) {
      throw new Error(`partner ${input.partnerId} is not in this program`);
    }
    const keys = await matchKeysOf(tx, input.lead);
    await lockKeys(tx, input.programId, keys);
    const matches = await findMatches(tx, {
      programId: input.programId,
      partnerId: input.partnerId,
      keys,
      today,
    });
    const outcome = outcomeOf(matches);
    const status = outcome === "conflict" ? "under_review" : "submitted";
    const reason = reviewReasonOf(matches.map((m) => m.kind));

    const [lead] = await tx
      .insert(leads)
      .values({
        programId: input.programId,
        partnerId: input.partnerId,
        ...input.lead,
        status,
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
      toStatus: status,
      reason,
      effectiveOn: today,
      actorId: input.actorId,
      createdAt: instant(input.now),
    });
    if (matches.length > 0) {
      await tx.insert(leadMatches).values(
        matches.map((m) => ({
          programId: input.programId,
          leadId: lead!.id,
          kind: m.kind,
          matchedLeadId: m.leadId,
          matchedCustomerId: m.customerId,
          rules: m.rules,
        })),
      );
    }
    const company = lead!.company ?? "(no company)";
    await notifyPeople(tx, {
      programId: input.programId,
      kind: "lead_submitted",
      userIds: await ownerPeopleOf(tx, input.programId),
      title:
        status === "under_review"
          ? `Registration to review: ${company} from ${partner.name}`
          : `New lead: ${company} from ${partner.name}`,
      body:
        status === "under_review"
          ? `${partner.name} registered ${company}, which conflicts with another registration or a customer. Decide it in the conflicts inbox.`
          : `${partner.name} registered ${company}.`,
      link: `/leads/${lead!.id}`,
    });
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      partnerId: input.partnerId,
      kind: "lead.registered",
      subjectType: "lead",
      subjectId: lead!.id,
      summary: `Lead ${lead!.id} registered (${outcome})`,
      details: {
        status,
        outcome,
        matches: matches.map((m) => ({
          kind: m.kind,
          leadId: m.leadId,
          customerId: m.customerId,
          rules: m.rules,
        })),
      },
    });
    await notifyScorecardChanged(tx, input);
    return { ...lead!, outcome, matches };
  });
}

/**
 * Serialises registrations that share a key, across processes: held to
 * the end of the transaction, taken in one order so two cannot deadlock.
 */
async function lockKeys(
  tx: Pick<Database, "execute">,
  programId: number,
  keys: MatchKeys,
): Promise<void> {
  const names = [
    keys.nameKey && `name:${keys.nameKey}`,
    keys.domainKey && `domain:${keys.domainKey}`,
    keys.emailKey && `email:${keys.emailKey}`,
  ].filter((k): k is string => Boolean(k));
  for (const key of names.sort()) {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`${programId}:${key}`}, 0))`,
    );
  }
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
  ids?: readonly number[];
}

function leadFilters(input: LeadFilter): SQL | undefined {
  const filters: SQL[] = [eq(leads.programId, input.programId)];
  if (input.partnerId != null) {
    filters.push(eq(leads.partnerId, input.partnerId));
  }
  if (input.statuses) filters.push(inArray(leads.status, [...input.statuses]));
  if (input.ids) filters.push(inArray(leads.id, [...input.ids]));
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
  | "not_found"
  | "invalid_transition"
  | "no_company"
  | "before_registration"
  | "held_by_another_partner";

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
        `This lead is ${lead.status.replace("_", " ")}; it cannot be marked ${change.to}.`,
      );
    }
    if (change.to === "won" && !lead.company) {
      return fail("no_company", "A lead without a company cannot be won.");
    }
    if (change.to === "accepted") {
      const held = await heldByAnotherPartner(tx, {
        programId: input.programId,
        lead,
      });
      if (held) return fail("held_by_another_partner", held);
    }

    const closedOn = "closedOn" in change ? change.closedOn : null;
    if (closedOn !== null && closedOn < lead.registeredOn) {
      return fail(
        "before_registration",
        `The lead was registered on ${lead.registeredOn}; it cannot close before that.`,
      );
    }
    const updated = await moveLead(tx, {
      programId: input.programId,
      lead,
      to: change.to,
      reason: change.reason ?? null,
      actorId: input.actorId,
      today,
      protectionDays: program.protectionDays,
      closedOn,
      amountMinor: change.to === "won" ? change.amountMinor : null,
      createdAt: instant(input.now),
    });
    return ok(updated);
  });
}
