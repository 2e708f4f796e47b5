export {
  CATALOG,
  getMetricDefinition,
  SKELETON_METRIC_IDS,
} from "./catalog.js";
export type { MetricDefinition, MetricId, MetricUnit } from "./catalog.js";
export {
  parsePeriodKey,
  periodContaining,
  PERIOD_KINDS,
  periodSeries,
  previousPeriod,
  todayIn,
} from "./periods.js";
export type { Period, PeriodKind } from "./periods.js";
export { EMPTY_FACTS, addFacts } from "./facts.js";
export type { PartnerFacts } from "./facts.js";
export { computeSeries, computeScorecard } from "./compute.js";
export type { MetricResult, MetricValue, ScorecardValues } from "./compute.js";
export { divideRounded, minorToDecimal, valueToDecimal } from "./numbers.js";
