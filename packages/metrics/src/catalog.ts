import { ADVANCED_METRICS } from "./catalog-advanced.js";
import { BASIC_METRICS } from "./catalog-basic.js";
import { INTERMEDIATE_METRICS } from "./catalog-intermediate.js";
import type { MetricDefinition } from "./definition.js";
import type { MetricId } from "./metric-ids.js";

export type {
  MetricDefinition,
  MetricLevel,
  MetricSource,
  MetricTier,
  MetricUnit,
} from "./definition.js";
export type { MetricId } from "./metric-ids.js";

/**
 * Every metric of the catalog (docs/metrics.md), in the order of its
 * tables: basic, intermediate, advanced.
 */
export const CATALOG: readonly MetricDefinition[] = [
  ...BASIC_METRICS,
  ...INTERMEDIATE_METRICS,
  ...ADVANCED_METRICS,
];

/** The six of the walking skeleton, in the order the overview shows. */
export const SKELETON_METRIC_IDS: readonly MetricId[] = [
  "leads_generated",
  "lead_conversion_rate",
  "direct_revenue",
  "avg_deal_size",
  "revenue_growth_rate",
  "partner_satisfaction_score",
];

const BY_ID = new Map(CATALOG.map((m) => [m.id, m]));

export function getMetricDefinition(id: MetricId): MetricDefinition {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`Unknown metric ${id}`);
  return found;
}

/** The metrics a partnership's scorecard can show. */
export const PARTNER_CATALOG: readonly MetricDefinition[] = CATALOG.filter(
  (m) => m.level !== "program",
);

/** The metrics the program's scorecard can show: all of them. */
export const PROGRAM_CATALOG: readonly MetricDefinition[] = CATALOG.filter(
  (m) => m.level !== "partner",
);
