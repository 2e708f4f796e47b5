export {
  EMBED_API_VERSION,
  embedErrorSchema,
  embedMetricSchema,
  embedScorecardSchema,
  metricUnitSchema,
  periodKindSchema,
} from "./scorecard.js";
export type {
  EmbedError,
  EmbedMetric,
  EmbedScorecard,
  MetricUnit,
  PeriodKind,
} from "./scorecard.js";
