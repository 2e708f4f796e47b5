export {
  CATALOG,
  getMetricDefinition,
  PARTNER_CATALOG,
  PROGRAM_CATALOG,
  SKELETON_METRIC_IDS,
} from "./catalog.js";
export { METRIC_UNITS } from "./definition.js";
export type {
  MetricDefinition,
  MetricLevel,
  MetricSource,
  MetricTier,
  MetricUnit,
} from "./definition.js";
export {
  isManualMetricId,
  isMetricId,
  isPartnerMetricId,
  MANUAL_METRIC_IDS,
  PARTNER_METRIC_IDS,
  PROGRAM_ONLY_METRIC_IDS,
} from "./metric-ids.js";
export type {
  ManualMetricId,
  MetricId,
  PartnerMetricId,
  ProgramOnlyMetricId,
} from "./metric-ids.js";
export {
  parsePeriodKey,
  periodContaining,
  PERIOD_KINDS,
  periodSeries,
  previousPeriod,
  todayIn,
} from "./periods.js";
export type { Period, PeriodKind } from "./periods.js";
export { customPeriod, daysIn, parseCustomKey } from "./custom-period.js";
export {
  cltvWindow,
  DAYS_PER_MONTH,
  monthsIn,
  quartersIn,
} from "./period-length.js";
export { EMPTY_FACTS, addFacts } from "./facts.js";
export type { PartnerFacts } from "./facts.js";
export { addManual, MANUAL_AGGREGATION, manualValue } from "./manual.js";
export type { ManualTotals } from "./manual.js";
export {
  addCltvFacts,
  EMPTY_CLTV_FACTS,
  EMPTY_PROGRAM_FACTS,
} from "./program-facts.js";
export type { CltvFacts, ProgramFacts, WonDeals } from "./program-facts.js";
export { DEFAULT_PROGRAM_SETTINGS } from "./settings.js";
export type { HealthWeights, ProgramSettings } from "./settings.js";
export { cltvUplift, customerLifetimeValue } from "./cltv.js";
export { ecosystemHealthIndex, healthComponents } from "./health.js";
export type { HealthInputs } from "./health.js";
export { partnerValues } from "./partner-values.js";
export type {
  MetricValue,
  PartnerPeriod,
  ScorecardValues,
} from "./partner-values.js";
export { programValues } from "./program-values.js";
export type { ProgramPeriod, ProgramValues } from "./program-values.js";
export {
  computeProgramScorecard,
  computeProgramSeries,
  computeScorecard,
  computeSeries,
} from "./compute.js";
export type {
  MetricResult,
  ProgramSeriesOptions,
  SeriesOptions,
} from "./compute.js";
export { changeAgainst } from "./change.js";
export type { MetricChange } from "./change.js";
export { ATTAINMENT_CAP, attainment, attainmentStatus } from "./attainment.js";
export type { MetricStatus, MetricTarget } from "./attainment.js";
export { partnershipScore, scoreKeyMetrics } from "./score.js";
export type {
  KeyMetric,
  KeyMetricResult,
  KeyMetricScorecard,
  WeightedAttainment,
} from "./score.js";
export { getObjective, OBJECTIVE_IDS, OBJECTIVES } from "./objectives.js";
export type { Objective, ObjectiveId } from "./objectives.js";
export { divideRounded, minorToDecimal, valueToDecimal } from "./numbers.js";
