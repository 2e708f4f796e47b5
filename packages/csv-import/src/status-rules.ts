import type { LeadFieldId } from "./lead-fields.js";
import type { LeadStatus } from "./lead-statuses.js";

export type StatusNeed = { field: LeadFieldId; what: string };

/**
 * What a closed lead must carry. A won lead makes its company a customer
 * with revenue on its close day, so it needs all three; a lost lead
 * needs the day it was lost.
 */
export const STATUS_NEEDS: Partial<Record<LeadStatus, StatusNeed[]>> = {
  won: [
    { field: "closedOn", what: "a close date" },
    { field: "amount", what: "an amount" },
    { field: "company", what: "a company" },
  ],
  lost: [{ field: "closedOn", what: "a close date" }],
};

export function needsOf(status: LeadStatus): StatusNeed[] {
  return STATUS_NEEDS[status] ?? [];
}
