import type { LeadFieldId } from "./lead-fields.js";

/**
 * Column names CRMs and spreadsheets use for each field, in order of
 * preference, written as headerKey() leaves them. Pipedrive prefixes
 * the entity ("Deal - Value"), HubSpot and Salesforce use plain names,
 * data sets use snake case. "Deal - Title" and a bare "Name" are left
 * out: a deal's title is not its company, and "Name" is a company in
 * HubSpot's companies file but a person elsewhere.
 */
export const HEADER_SYNONYMS: Record<LeadFieldId, string[]> = {
  externalId: [
    "external id",
    "opportunity id",
    "deal id",
    "lead id",
    "record id",
    "id",
  ],
  partner: [
    "partner",
    "partner name",
    "sales agent",
    "reseller",
    "agent",
    "deal owner",
    "opportunity owner",
    "owner",
  ],
  company: [
    "company",
    "company name",
    "account",
    "account name",
    "organization name",
    "organisation name",
    "organization",
    "organisation",
    "deal organization",
    "associated company",
  ],
  contactName: [
    "contact name",
    "contact",
    "person name",
    "full name",
    "deal contact person",
  ],
  contactEmail: [
    "contact email",
    "email",
    "email address",
    "e mail",
    "person email",
    "person email work",
    "work email",
    "person email home",
  ],
  estimatedValue: [
    "estimated value",
    "deal value",
    "value",
    "expected revenue",
    "potential value",
  ],
  status: [
    "status",
    "deal status",
    "lead status",
    "deal stage",
    "stage",
    "opportunity stage",
    "pipeline stage",
  ],
  registeredOn: [
    "registered on",
    "registration date",
    "engage date",
    "created",
    "create date",
    "created date",
    "created on",
    "deal deal created",
  ],
  closedOn: [
    "closed on",
    "close date",
    "closed date",
    "deal close date",
    "deal won time",
    "won time",
  ],
  amount: ["amount", "close value", "closed value", "won amount", "revenue"],
  notes: ["notes", "note", "note content", "description", "comments"],
};

/**
 * A header reduced to lowercase words: "Person - Email (Work)" becomes
 * "person email work", "close_date" becomes "close date", and the "*"
 * that marks a mandatory column in templates goes.
 */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
