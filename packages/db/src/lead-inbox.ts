import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "./client.js";
import { WAITING_STATUSES } from "./lead-transitions.js";
import { leads, partners, type LeadStatus } from "./schema/index.js";

export interface InboxLead {
  id: number;
  company: string | null;
  partnerName: string;
  status: LeadStatus;
  registeredOn: string;
  /** Whole days since registration, in the program's time zone. */
  daysWaiting: number;
  overdue: boolean;
}

/**
 * The leads owner staff have to decide (submitted and under review),
 * oldest first, each measured against the program's service level:
 * overdue once more days than the service level have passed since the
 * day it was registered.
 */
export async function listDecisionInbox(
  db: Database,
  input: {
    programId: number;
    today: string;
    slaDays: number;
    /** Only registrations under review (the conflicts inbox). */
    conflictsOnly?: boolean;
    limit?: number;
  },
): Promise<{ leads: InboxLead[]; overdue: number; total: number }> {
  const statuses: LeadStatus[] = input.conflictsOnly
    ? ["under_review"]
    : [...WAITING_STATUSES];
  const where = and(
    eq(leads.programId, input.programId),
    inArray(leads.status, statuses),
  );
  const waited = sql<number>`(${input.today}::date - ${leads.registeredOn})`;
  const rows = await db
    .select({
      id: leads.id,
      company: leads.company,
      partnerName: partners.name,
      status: leads.status,
      registeredOn: leads.registeredOn,
      daysWaiting: waited.mapWith(Number),
    })
    .from(leads)
    .innerJoin(partners, eq(partners.id, leads.partnerId))
    .where(where)
    .orderBy(asc(leads.registeredOn), asc(leads.id))
    .limit(input.limit ?? 200);
  const [totals] = await db
    .select({
      total: sql<number>`count(*)`.mapWith(Number),
      overdue:
        sql<number>`count(*) filter (where ${waited} > ${input.slaDays})`.mapWith(
          Number,
        ),
    })
    .from(leads)
    .where(where);
  return {
    leads: rows.map((row) => ({
      ...row,
      overdue: row.daysWaiting > input.slaDays,
    })),
    overdue: totals?.overdue ?? 0,
    total: totals?.total ?? 0,
  };
}
