import { and, eq, inArray, isNull, gt, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "./client.js";
import { selectRows } from "./raw.js";
import { customers, leads } from "./schema/index.js";
import { companyKey, domainKey, emailKey } from "./schema/match-keys.js";
import type { LeadMatchKind, LeadMatchRule, LeadStatus } from "./values.js";

type Reader = Pick<Database, "select" | "execute">;

/** What a registration is matched on. */
export interface MatchCandidate {
  company: string | null;
  companyDomain?: string | null;
  contactEmail: string | null;
}

export interface MatchKeys {
  nameKey: string | null;
  domainKey: string | null;
  emailKey: string | null;
}

export interface LeadMatch {
  kind: LeadMatchKind;
  leadId: number | null;
  customerId: number | null;
  partnerId: number | null;
  rules: LeadMatchRule[];
}

export type RegistrationOutcome = "new" | "duplicate" | "conflict";

/** Leads a new registration is checked against (won ones are customers). */
export const MATCHED_STATUSES: readonly LeadStatus[] = [
  "submitted",
  "under_review",
  "accepted",
  "won",
];

const LIMIT = 20;

/** The keys of a registration, normalised by the same SQL as the columns. */
export async function matchKeysOf(
  db: Pick<Database, "execute">,
  candidate: MatchCandidate,
): Promise<MatchKeys> {
  const company = sql`${candidate.company}::text`;
  const email = sql`${candidate.contactEmail}::text`;
  const website = sql`${candidate.companyDomain ?? null}::text`;
  const [row] = await selectRows(
    db,
    sql`select ${companyKey(company)} as name_key,
      ${domainKey(website, email)} as domain_key,
      ${emailKey(email)} as email_key`,
  );
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    nameKey: text(row?.name_key),
    domainKey: text(row?.domain_key),
    emailKey: text(row?.email_key),
  };
}

/**
 * The program's open and won leads and its active customers that share
 * a key with the registration, by index (decision 0016).
 */
export async function findMatches(
  db: Reader,
  input: {
    programId: number;
    partnerId: number;
    keys: MatchKeys;
    today: string;
    excludeLeadId?: number;
  },
): Promise<LeadMatch[]> {
  const { keys } = input;
  const byKey: SQL[] = [];
  if (keys.nameKey) byKey.push(eq(leads.nameKey, keys.nameKey));
  if (keys.domainKey) byKey.push(eq(leads.domainKey, keys.domainKey));
  if (keys.emailKey) byKey.push(eq(leads.emailKey, keys.emailKey));
  if (byKey.length === 0) return [];

  const found = await db
    .select({
      id: leads.id,
      partnerId: leads.partnerId,
      status: leads.status,
      nameKey: leads.nameKey,
      domainKey: leads.domainKey,
      emailKey: leads.emailKey,
    })
    .from(leads)
    .where(
      and(
        eq(leads.programId, input.programId),
        or(...byKey),
        inArray(leads.status, [...MATCHED_STATUSES]),
        input.excludeLeadId === undefined
          ? undefined
          : sql`${leads.id} <> ${input.excludeLeadId}`,
      ),
    )
    .orderBy(leads.id)
    .limit(LIMIT);
  const matches: LeadMatch[] = found.map((lead) => ({
    kind:
      lead.status === "won"
        ? "customer"
        : lead.partnerId === input.partnerId
          ? "same_partner"
          : "other_partner",
    leadId: lead.id,
    customerId: null,
    partnerId: lead.partnerId,
    rules: rulesOf(keys, lead),
  }));
  if (!keys.nameKey) return matches;

  const active = or(
    isNull(customers.churnedOn),
    gt(customers.churnedOn, input.today),
  );
  const known = await db
    .select({
      id: customers.id,
      partnerId: customers.partnerId,
      firstLeadId: customers.firstLeadId,
    })
    .from(customers)
    .where(
      and(
        eq(customers.programId, input.programId),
        eq(customers.nameKey, keys.nameKey),
        active,
      ),
    )
    .orderBy(customers.id)
    .limit(LIMIT);
  const seenLeads = new Set(matches.map((m) => m.leadId));
  for (const customer of known) {
    // A won lead already stands for the customer it made.
    if (customer.firstLeadId !== null && seenLeads.has(customer.firstLeadId))
      continue;
    matches.push({
      kind: "customer",
      leadId: null,
      customerId: customer.id,
      partnerId: customer.partnerId,
      rules: ["name"],
    });
  }
  return matches;
}

function rulesOf(keys: MatchKeys, lead: MatchKeys): LeadMatchRule[] {
  const rules: LeadMatchRule[] = [];
  if (keys.nameKey && lead.nameKey === keys.nameKey) rules.push("name");
  if (keys.domainKey && lead.domainKey === keys.domainKey) rules.push("domain");
  if (keys.emailKey && lead.emailKey === keys.emailKey) rules.push("email");
  return rules;
}

/** A conflict outweighs a possible duplicate. */
export function outcomeOf(matches: readonly LeadMatch[]): RegistrationOutcome {
  if (matches.some((m) => m.kind !== "same_partner")) return "conflict";
  return matches.length > 0 ? "duplicate" : "new";
}

/**
 * Why a lead is under review, in words its partner may read: never the
 * other partner, its contact or its lead.
 */
export function reviewReasonOf(kinds: readonly LeadMatchKind[]): string | null {
  if (kinds.includes("customer")) return "This company is already a customer.";
  if (kinds.includes("other_partner"))
    return "Another registration for this company exists.";
  return null;
}
