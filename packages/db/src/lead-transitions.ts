import type { LeadStatus } from "./values.js";

/**
 * The moves a lead can make; anything else is refused. A conflict is
 * decided from under review like any registration; only the protection
 * sweep moves an accepted lead to expired, and owner staff may accept
 * an expired lead again, which protects it afresh (decision 0016).
 */
export const LEAD_TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  submitted: ["accepted", "rejected"],
  under_review: ["accepted", "rejected"],
  accepted: ["won", "lost", "expired"],
  expired: ["accepted"],
  rejected: [],
  won: [],
  lost: [],
};

/** Moves only the system makes; a person is refused them. */
export const SYSTEM_TRANSITIONS: readonly LeadStatus[] = ["expired"];

/** Waiting for, or holding, the owner's acceptance. */
export const OPEN_STATUSES: readonly LeadStatus[] = [
  "submitted",
  "under_review",
  "accepted",
];

/** Waiting for owner staff to decide. */
export const WAITING_STATUSES: readonly LeadStatus[] = [
  "submitted",
  "under_review",
];

export function canMove(from: LeadStatus, to: LeadStatus): boolean {
  return LEAD_TRANSITIONS[from].includes(to);
}
