/**
 * The enum values, declared once and shared by the tables, the zod
 * schemas and the pages. Free of drizzle so browser code may import it.
 */
export const ROLES = [
  "owner_admin",
  "owner_staff",
  "partner_admin",
  "partner_user",
] as const;
export type Role = (typeof ROLES)[number];

export const LEAD_STATUSES = [
  "submitted",
  "accepted",
  "rejected",
  "won",
  "lost",
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** Where a lead was registered (the catalog's automation metric uses it). */
export const LEAD_SOURCES = ["portal", "import", "api", "widget"] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const REVENUE_KINDS = [
  "new",
  "expansion",
  "renewal",
  "contraction",
] as const;
export type RevenueKind = (typeof REVENUE_KINDS)[number];

export const RATING_SIDES = ["partner", "owner"] as const;
export type RatingSide = (typeof RATING_SIDES)[number];
