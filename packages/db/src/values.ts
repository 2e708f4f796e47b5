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

/** A role as people read it ("partner admin"). */
export function roleName(role: Role): string {
  return {
    owner_admin: "owner admin",
    owner_staff: "owner staff",
    partner_admin: "partner admin",
    partner_user: "partner user",
  }[role];
}

/**
 * `under_review`: registered in conflict with another partner's lead or
 * a customer, waiting for owner staff. `expired`: accepted, but its
 * protection ran out before it was won or lost (decision 0016).
 */
export const LEAD_STATUSES = [
  "submitted",
  "accepted",
  "rejected",
  "won",
  "lost",
  "under_review",
  "expired",
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/**
 * What a registration matched: a lead of the same partner (a possible
 * duplicate), another partner's lead, or an existing customer.
 */
export const LEAD_MATCH_KINDS = [
  "same_partner",
  "other_partner",
  "customer",
] as const;
export type LeadMatchKind = (typeof LEAD_MATCH_KINDS)[number];

/** Which rule matched (decision 0016 writes each one down). */
export const LEAD_MATCH_RULES = ["name", "domain", "email"] as const;
export type LeadMatchRule = (typeof LEAD_MATCH_RULES)[number];

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

export const PARTNER_TYPES = [
  "reseller",
  "referral",
  "co_marketing",
  "technology",
  "service",
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const COST_KINDS = [
  "commission",
  "market_development_funds",
  "fees",
  "enablement",
] as const;
export type CostKind = (typeof COST_KINDS)[number];

/** Joint activities first, then communications, then innovation. */
export const ACTIVITY_KINDS = [
  "campaign",
  "co_selling",
  "joint_development",
  "event",
  "training",
  "meeting",
  "call",
  "business_review",
  "innovation",
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const JOINT_ACTIVITY_KINDS: readonly ActivityKind[] = [
  "campaign",
  "co_selling",
  "joint_development",
  "event",
  "training",
];
export const COMMUNICATION_KINDS: readonly ActivityKind[] = [
  "meeting",
  "call",
  "business_review",
];

/** What an embed key shows: one partner, or the program's badge. */
export const EMBED_SCOPES = ["partner", "program"] as const;
export type EmbedScope = (typeof EMBED_SCOPES)[number];

/** What a person can be told about; each can be turned off per channel. */
export const NOTIFICATION_KINDS = [
  "lead_submitted",
  "lead_decided",
  "lead_expiring",
  "lead_commented",
  "rating_due",
  "review_opened",
  "review_updated",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ["portal", "email"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** How often each side of a partnership is asked to rate it. */
export const RATING_CADENCES = ["off", "month", "quarter", "year"] as const;
export type RatingCadence = (typeof RATING_CADENCES)[number];

export const REVIEW_STATUSES = ["open", "closed"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
