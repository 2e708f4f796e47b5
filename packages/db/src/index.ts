export { migrationsFolder, openDatabase } from "./client.js";
export type { Database, DatabaseConfig, DatabaseHandle } from "./client.js";
export * from "./auth.js";
export * from "./embed-keys.js";
export * from "./facts.js";
export * from "./imports.js";
export * from "./lead-transitions.js";
export * from "./leads.js";
export * from "./notify.js";
export * from "./programs.js";
export * from "./ratings.js";
export * from "./result.js";
export * from "./scorecards.js";
export {
  LEAD_SOURCES,
  LEAD_STATUSES,
  RATING_SIDES,
  REVENUE_KINDS,
  ROLES,
} from "./schema/enums.js";
export type {
  LeadSource,
  LeadStatus,
  RatingSide,
  RevenueKind,
  Role,
} from "./schema/enums.js";
