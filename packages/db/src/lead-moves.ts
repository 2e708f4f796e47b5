import { eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { Database } from "./client.js";
import { recordAudit } from "./audit.js";
import { findOrCreateCustomer, recordWonRevenue } from "./customers.js";
import {
  notifyPeople,
  ownerPeopleOf,
  partnerPeopleOf,
} from "./notifications.js";
import { notifyScorecardChanged } from "./notify.js";
import { leadEvents, leads, type LeadStatus } from "./schema/index.js";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type LeadRow = typeof leads.$inferSelect;

export interface Move {
  programId: number;
  /** The lead as read under its row lock. */
  lead: LeadRow;
  to: LeadStatus;
  reason: string | null;
  /** Null for the system (the protection sweep). */
  actorId: number | null;
  today: string;
  /** Set for an accepted lead. */
  protectionDays?: number;
  closedOn?: string | null;
  amountMinor?: bigint | null;
  createdAt?: Date;
}

const WORDS: Partial<Record<LeadStatus, string>> = {
  accepted: "accepted",
  rejected: "rejected",
  won: "won",
  lost: "marked lost",
  expired: "no longer protected: its protection ended",
};

/** The day protection of a lead accepted on `day` ends (inclusive). */
export function protectionEnd(day: string, protectionDays: number): string {
  return Temporal.PlainDate.from(day).add({ days: protectionDays }).toString();
}

/**
 * One status change inside the caller's transaction, the lead already
 * checked against the transition map: the row, its history, a won
 * lead's customer and revenue, the partner told, the audit log.
 */
export async function moveLead(tx: Tx, move: Move): Promise<LeadRow> {
  const { lead, to } = move;
  const accepted = to === "accepted";
  const protectedUntil =
    accepted && move.protectionDays !== undefined
      ? protectionEnd(move.today, move.protectionDays)
      : lead.protectedUntil;
  const closedOn = move.closedOn ?? null;
  const amountMinor = to === "won" ? (move.amountMinor ?? null) : null;
  const [updated] = await tx
    .update(leads)
    .set({
      status: to,
      closedOn: to === "won" || to === "lost" ? closedOn : lead.closedOn,
      wonAmountMinor: amountMinor,
      acceptedOn: accepted ? move.today : lead.acceptedOn,
      protectedUntil,
      expiryWarnedAt: accepted ? null : lead.expiryWarnedAt,
      updatedAt: new Date(),
    })
    .where(eq(leads.id, lead.id))
    .returning();
  await tx.insert(leadEvents).values({
    programId: move.programId,
    leadId: lead.id,
    fromStatus: lead.status,
    toStatus: to,
    reason: move.reason,
    amountMinor,
    effectiveOn: closedOn ?? move.today,
    actorId: move.actorId,
    createdAt: move.createdAt,
  });
  if (to === "won") {
    const customerId = await findOrCreateCustomer(tx, {
      programId: move.programId,
      partnerId: lead.partnerId,
      name: lead.company!,
      leadId: lead.id,
      acquiredOn: closedOn!,
    });
    await recordWonRevenue(tx, {
      programId: move.programId,
      customerId,
      leadId: lead.id,
      amountMinor: amountMinor!,
      occurredOn: closedOn!,
    });
  }

  const company = lead.company ?? "(no company)";
  const lines = [`Your lead for ${company} was ${WORDS[to] ?? to}.`];
  if (accepted)
    lines.push(`It is protected for you through ${protectedUntil}.`);
  if (move.reason) lines.push(`Reason: ${move.reason}`);
  await notifyPeople(tx, {
    programId: move.programId,
    kind: "lead_decided",
    userIds: await partnerPeopleOf(tx, move.programId, lead.partnerId),
    title: `Lead ${company}: ${to.replace("_", " ")}`,
    body: lines.join(" "),
    link: `/leads/${lead.id}`,
  });
  if (to === "expired") {
    await notifyPeople(tx, {
      programId: move.programId,
      kind: "lead_expiring",
      userIds: await ownerPeopleOf(tx, move.programId),
      title: `Lead ${company}: protection ended`,
      body: `Protection of the lead for ${company} ended on ${lead.protectedUntil}; it is no longer held for its partner.`,
      link: `/leads/${lead.id}`,
    });
  }
  await recordAudit(tx, {
    programId: move.programId,
    actorId: move.actorId,
    partnerId: lead.partnerId,
    kind: to === "expired" ? "lead.expired" : "lead.decided",
    subjectType: "lead",
    subjectId: lead.id,
    summary: `Lead ${lead.id} moved from ${lead.status} to ${to}`,
    details: {
      from: lead.status,
      to,
      ...(protectedUntil !== lead.protectedUntil ? { protectedUntil } : {}),
      ...(amountMinor !== null ? { amountMinor: String(amountMinor) } : {}),
    },
  });
  await notifyScorecardChanged(tx, {
    programId: move.programId,
    partnerId: lead.partnerId,
  });
  return updated!;
}
