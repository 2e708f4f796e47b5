import { pgEnum } from "drizzle-orm/pg-core";
import {
  LEAD_SOURCES,
  LEAD_STATUSES,
  RATING_SIDES,
  REVENUE_KINDS,
  ROLES,
} from "../values.js";

export * from "../values.js";

export const roleEnum = pgEnum("role", ROLES);
export const leadStatusEnum = pgEnum("lead_status", LEAD_STATUSES);
export const leadSourceEnum = pgEnum("lead_source", LEAD_SOURCES);
export const revenueKindEnum = pgEnum("revenue_kind", REVENUE_KINDS);
export const ratingSideEnum = pgEnum("rating_side", RATING_SIDES);
