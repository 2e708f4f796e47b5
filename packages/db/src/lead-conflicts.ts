import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Temporal } from "temporal-polyfill";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import { reviewReasonOf } from "./lead-matching.js";
import { moveLead } from "./lead-moves.js";
import { heldByAnotherPartner } from "./lead-protection.js";
import { OPEN_STATUSES } from "./lead-transitions.js";
import { getProgram, programToday } from "./programs.js";
import { fail, ok, type Result } from "./result.js";
import {
  customers,
  leadMatches,
  leads,
  partners,
  type LeadMatchKind,
  type LeadStatus,
} from "./schema/index.js";

/**
 * Why a lead of a partner was put under review, in general words: the
 * only thing its partner learns of the other registration.
 */
export async function getReviewReason(
  db: Database,
  { programId, leadId }: { programId: number; leadId: number },
): Promise<string | null> {
  const rows = await db
    .selectDistinct({ kind: leadMatches.kind })
    .from(leadMatches)
    .where(
      and(eq(leadMatches.programId, programId), eq(leadMatches.leadId, leadId)),
    );
  return reviewReasonOf(rows.map((r) => r.kind));
}

export interface ConflictSide {
  kind: LeadMatchKind;
  rules: string[];
  lead: {
    id: number;
    partnerName: string;
    company: string | null;
    contactName: string | null;
    contactEmail: string | null;
    companyDomain: string | null;
    status: LeadStatus;
    registeredOn: string;
    protectedUntil: string | null;
  } | null;
  customer: {
    id: number;
    name: string;
    partnerName: string | null;
    acquiredOn: string;
  } | null;
}

/**
 * For owner staff only: what a registration matched, each with its
 * state now, to set beside it.
 */
export async function listConflictSides(
  db: Database,
  { programId, leadId }: { programId: number; leadId: number },
): Promise<ConflictSide[]> {
  const matches = await db
    .select()
    .from(leadMatches)
    .where(
      and(eq(leadMatches.programId, programId), eq(leadMatches.leadId, leadId)),
    )
    .orderBy(asc(leadMatches.id));
  const leadIds = matches.flatMap((m) => m.matchedLeadId ?? []);
  const customerIds = matches.flatMap((m) => m.matchedCustomerId ?? []);
  const others =
    leadIds.length === 0
      ? []
      : await db
          .select({
            id: leads.id,
            partnerName: partners.name,
            company: leads.company,
            contactName: leads.contactName,
            contactEmail: leads.contactEmail,
            companyDomain: leads.companyDomain,
            status: leads.status,
            registeredOn: leads.registeredOn,
            protectedUntil: leads.protectedUntil,
          })
          .from(leads)
          .innerJoin(partners, eq(partners.id, leads.partnerId))
          .where(
            and(eq(leads.programId, programId), inArray(leads.id, leadIds)),
          );
  const known =
    customerIds.length === 0
      ? []
      : await db
          .select({
            id: customers.id,
            name: customers.name,
            partnerName: partners.name,
            acquiredOn: customers.acquiredOn,
          })
          .from(customers)
          .leftJoin(partners, eq(partners.id, customers.partnerId))
          .where(
            and(
              eq(customers.programId, programId),
              inArray(customers.id, customerIds),
            ),
          );
  return matches.map((m) => ({
    kind: m.kind,
    rules: m.rules,
    lead: others.find((o) => o.id === m.matchedLeadId) ?? null,
    customer: known.find((c) => c.id === m.matchedCustomerId) ?? null,
  }));
}

/**
 * For owner staff only: later registrations under review that matched
 * this lead, so its own page points to the decision waiting on it.
 */
export async function listLaterConflicts(
  db: Database,
  { programId, leadId }: { programId: number; leadId: number },
): Promise<{ id: number; partnerName: string }[]> {
  return db
    .selectDistinct({ id: leads.id, partnerName: partners.name })
    .from(leadMatches)
    .innerJoin(
      leads,
      and(
        eq(leads.id, leadMatches.leadId),
        eq(leads.programId, leadMatches.programId),
      ),
    )
    .innerJoin(partners, eq(partners.id, leads.partnerId))
    .where(
      and(
        eq(leadMatches.programId, programId),
        eq(leadMatches.matchedLeadId, leadId),
        eq(leads.status, "under_review"),
      ),
    )
    .orderBy(asc(leads.id));
}

export type ConflictDecision =
  | {
      accept: true;
      reason: string | null;
      /** Other open leads it matched, to reject with it. */
      rejectLeadIds: readonly number[];
      /** What their partners are told; it names nobody. */
      otherReason: string | null;
    }
  | { accept: false; reason: string };

export type ConflictError =
  | "not_found"
  | "invalid_transition"
  | "not_matched"
  | "held_by_another_partner";

/**
 * Owner staff decide a registration under review: accept it (and
 * reject the matching leads they choose, or leave them), or reject it.
 * Every lead concerned is locked in id order, checked, and moved in
 * one transaction.
 */
export async function decideConflict(
  db: Database,
  input: {
    programId: number;
    leadId: number;
    actorId: number;
    decision: ConflictDecision;
    now?: Temporal.Instant;
  },
): Promise<Result<{ rejected: number[] }, ConflictError>> {
  const program = await getProgram(db, input.programId);
  if (!program) return fail("not_found", "This program does not exist.");
  const today = programToday(program, input.now);
  const { decision } = input;
  const rejectIds = decision.accept ? [...new Set(decision.rejectLeadIds)] : [];
  const createdAt = input.now && new Date(input.now.epochMilliseconds);

  return db.transaction(async (tx) => {
    const matched = await tx
      .select({ id: leadMatches.matchedLeadId })
      .from(leadMatches)
      .where(
        and(
          eq(leadMatches.programId, input.programId),
          eq(leadMatches.leadId, input.leadId),
          isNotNull(leadMatches.matchedLeadId),
        ),
      );
    const matchedIds = new Set(matched.map((m) => m.id));
    const ids = [input.leadId, ...rejectIds].sort((a, b) => a - b);
    const locked = await tx
      .select()
      .from(leads)
      .where(and(eq(leads.programId, input.programId), inArray(leads.id, ids)))
      .orderBy(asc(leads.id))
      .for("update");
    const lead = locked.find((l) => l.id === input.leadId);
    // A lead of another program is not found, whatever else was asked.
    if (!lead) return fail("not_found", "This lead does not exist.");
    if (rejectIds.some((id) => !matchedIds.has(id))) {
      return fail(
        "not_matched",
        "Only leads this registration matched can be rejected with it.",
      );
    }
    if (lead.status !== "under_review") {
      return fail(
        "invalid_transition",
        `This lead is ${lead.status.replace("_", " ")}, not under review; it was decided already.`,
      );
    }
    const others = locked.filter((l) => l.id !== input.leadId);
    const closed = others.find((l) => !OPEN_STATUSES.includes(l.status));
    if (closed) {
      return fail(
        "invalid_transition",
        `Lead ${closed.id} is ${closed.status} already; it cannot be rejected now.`,
      );
    }

    if (decision.accept) {
      const held = await heldByAnotherPartner(tx, {
        programId: input.programId,
        lead,
        except: rejectIds,
      });
      if (held) return fail("held_by_another_partner", held);
    }

    await moveLead(tx, {
      programId: input.programId,
      lead,
      to: decision.accept ? "accepted" : "rejected",
      reason: decision.reason,
      actorId: input.actorId,
      today,
      protectionDays: program.protectionDays,
      createdAt,
    });
    for (const other of others) {
      await moveLead(tx, {
        programId: input.programId,
        lead: other,
        to: "rejected",
        reason:
          (decision.accept && decision.otherReason) ||
          "Another registration for this company was accepted.",
        actorId: input.actorId,
        today,
        createdAt,
      });
    }
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      partnerId: lead.partnerId,
      kind: "lead.conflict_decided",
      subjectType: "lead",
      subjectId: lead.id,
      summary: decision.accept
        ? `Conflict on lead ${lead.id} decided: accepted, ${others.length} other lead(s) rejected`
        : `Conflict on lead ${lead.id} decided: rejected`,
      details: {
        accepted: decision.accept,
        rejectedLeadIds: others.map((o) => o.id),
      },
    });
    return ok({ rejected: others.map((o) => o.id) });
  });
}

export interface RegistrationCheck {
  /** The general reason a lead is under review, else null. */
  reviewReason: string | null;
  /** The same partner's leads it may duplicate (that partner's own). */
  duplicates: { id: number; company: string | null }[];
}

/**
 * What the check at registration found, as the lead's own partner may
 * read it: its own leads by name, anything else in general words.
 */
export async function getRegistrationCheck(
  db: Database,
  { programId, leadId }: { programId: number; leadId: number },
): Promise<RegistrationCheck> {
  const rows = await db
    .select({
      kind: leadMatches.kind,
      matchedLeadId: leadMatches.matchedLeadId,
      company: leads.company,
    })
    .from(leadMatches)
    .leftJoin(
      leads,
      and(
        eq(leads.id, leadMatches.matchedLeadId),
        eq(leads.programId, leadMatches.programId),
      ),
    )
    .where(
      and(eq(leadMatches.programId, programId), eq(leadMatches.leadId, leadId)),
    )
    .orderBy(asc(leadMatches.id));
  return {
    reviewReason: reviewReasonOf(rows.map((r) => r.kind)),
    duplicates: rows
      .filter((r) => r.kind === "same_partner" && r.matchedLeadId !== null)
      .map((r) => ({ id: r.matchedLeadId!, company: r.company })),
  };
}
