/**
 * The same values as the lead_status enum of @tandem/db, which depends
 * on this package and so cannot be imported here.
 */
export const LEAD_STATUSES = [
  "submitted",
  "accepted",
  "rejected",
  "won",
  "lost",
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/**
 * How a CRM's stage name is compared: trimmed, runs of spaces as one,
 * and case-insensitive, since exports differ in all three.
 */
export function statusKey(value: string): string {
  return value.trim().replace(/\s+/g, " ").toLowerCase();
}

export function statusLookup(
  statusValues: Record<string, LeadStatus>,
): Map<string, LeadStatus> {
  const lookup = new Map<string, LeadStatus>();
  for (const [value, status] of Object.entries(statusValues)) {
    lookup.set(statusKey(value), status);
  }
  return lookup;
}
