export {
  EMBED_API_VERSION,
  embedErrorSchema,
  embedMetricSchema,
  embedScopeSchema,
  embedScorecardSchema,
  metricUnitSchema,
  periodKindSchema,
} from "./scorecard.js";
export type {
  EmbedError,
  EmbedMetric,
  EmbedScope,
  EmbedScorecard,
  MetricUnit,
  PeriodKind,
} from "./scorecard.js";
