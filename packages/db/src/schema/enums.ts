import { pgEnum } from "drizzle-orm/pg-core";
import {
  ACTIVITY_KINDS,
  COST_KINDS,
  EMBED_SCOPES,
  LEAD_MATCH_KINDS,
  LEAD_SOURCES,
  PARTNER_TYPES,
  LEAD_STATUSES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  RATING_CADENCES,
  RATING_SIDES,
  REVIEW_STATUSES,
  REVENUE_KINDS,
  ROLES,
} from "../values.js";

export * from "../values.js";

export const roleEnum = pgEnum("role", ROLES);
export const leadStatusEnum = pgEnum("lead_status", LEAD_STATUSES);
export const leadMatchKindEnum = pgEnum("lead_match_kind", LEAD_MATCH_KINDS);
export const leadSourceEnum = pgEnum("lead_source", LEAD_SOURCES);
export const revenueKindEnum = pgEnum("revenue_kind", REVENUE_KINDS);
export const ratingSideEnum = pgEnum("rating_side", RATING_SIDES);
export const partnerTypeEnum = pgEnum("partner_type", PARTNER_TYPES);
export const costKindEnum = pgEnum("cost_kind", COST_KINDS);
export const activityKindEnum = pgEnum("activity_kind", ACTIVITY_KINDS);
export const embedScopeEnum = pgEnum("embed_scope", EMBED_SCOPES);
export const notificationKindEnum = pgEnum(
  "notification_kind",
  NOTIFICATION_KINDS,
);
export const notificationChannelEnum = pgEnum(
  "notification_channel",
  NOTIFICATION_CHANNELS,
);
export const ratingCadenceEnum = pgEnum("rating_cadence", RATING_CADENCES);
export const reviewStatusEnum = pgEnum("review_status", REVIEW_STATUSES);
