import { pgEnum } from "drizzle-orm/pg-core";

/**
 * Enum values are declared once here and shared by the tables and the
 * zod schemas of the portal.
 */
export const ROLES = [
  "owner_admin",
  "owner_staff",
  "partner_admin",
  "partner_user",
] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum("role", ROLES);

export const LEAD_STATUSES = [
  "submitted",
  "accepted",
  "rejected",
  "won",
  "lost",
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const leadStatusEnum = pgEnum("lead_status", LEAD_STATUSES);

/** Where a lead was registered (the catalog's automation metric uses it). */
export const LEAD_SOURCES = ["portal", "import", "api", "widget"] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const leadSourceEnum = pgEnum("lead_source", LEAD_SOURCES);

export const REVENUE_KINDS = [
  "new",
  "expansion",
  "renewal",
  "contraction",
] as const;
export type RevenueKind = (typeof REVENUE_KINDS)[number];
export const revenueKindEnum = pgEnum("revenue_kind", REVENUE_KINDS);

export const RATING_SIDES = ["partner", "owner"] as const;
export type RatingSide = (typeof RATING_SIDES)[number];
export const ratingSideEnum = pgEnum("rating_side", RATING_SIDES);
