import type { LeadStatus } from "./values.js";

/** The moves a person can make; anything else is refused. */
export const LEAD_TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  submitted: ["accepted", "rejected"],
  accepted: ["won", "lost"],
  rejected: [],
  won: [],
  lost: [],
};

export const OPEN_STATUSES: readonly LeadStatus[] = ["submitted", "accepted"];

export function canMove(from: LeadStatus, to: LeadStatus): boolean {
  return LEAD_TRANSITIONS[from].includes(to);
}
