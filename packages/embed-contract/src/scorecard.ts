import { z } from "zod";

/**
 * Version 1 of the embed API. A breaking change gets a new path
 * (`/embed/v2/...`) and a new number here; fields may be added to v1.
 */
export const EMBED_API_VERSION = 1;

export const periodKindSchema = z.enum(["month", "quarter", "year"]);
export type PeriodKind = z.infer<typeof periodKindSchema>;

/**
 * How a value is read. `money` values are decimal strings in the
 * program's currency (major units, e.g. "2551.25"); `percent` values are
 * fractions as decimal strings ("0.7719" is 77.19 %); `count` and `score`
 * are plain decimal strings.
 */
export const metricUnitSchema = z.enum(["money", "percent", "count", "score"]);
export type MetricUnit = z.infer<typeof metricUnitSchema>;

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/);

export const embedMetricSchema = z.object({
  id: z.string(),
  label: z.string(),
  unit: metricUnitSchema,
  /** null means "not enough data" (see the metric catalog). */
  value: decimalString.nullable(),
  previous: decimalString.nullable(),
  /**
   * Added in v1.1: the value in each of the last periods, oldest first,
   * ending with this period (for a sparkline). Absent from older servers.
   */
  series: z
    .array(z.object({ key: z.string(), value: decimalString.nullable() }))
    .optional(),
});
export type EmbedMetric = z.infer<typeof embedMetricSchema>;

/**
 * `partner` is one partner's scorecard; `program` is the program's badge
 * of aggregate figures, which names no partner.
 */
export const embedScopeSchema = z.enum(["partner", "program"]);
export type EmbedScope = z.infer<typeof embedScopeSchema>;

export const embedScorecardSchema = z.object({
  version: z.literal(EMBED_API_VERSION),
  /** Added in v1.1; absent means `partner`. */
  scope: embedScopeSchema.optional(),
  /** null exactly for the program badge. */
  partner: z.object({ name: z.string() }).nullable(),
  program: z.object({
    name: z.string(),
    currency: z.string().length(3),
    timeZone: z.string(),
  }),
  period: z.object({
    kind: periodKindSchema,
    /** e.g. "2017-Q1", "2017-03", "2017". */
    key: z.string(),
    label: z.string(),
    /** First day, inclusive, ISO date in the program's time zone. */
    start: z.string(),
    /** Day after the last day (the range is half-open). */
    end: z.string(),
  }),
  metrics: z.array(embedMetricSchema),
  generatedAt: z.string(),
});
export type EmbedScorecard = z.infer<typeof embedScorecardSchema>;

export const embedErrorSchema = z.object({
  version: z.literal(EMBED_API_VERSION),
  error: z.object({
    code: z.enum([
      "missing_key",
      "unknown_key",
      "revoked_key",
      "origin_not_allowed",
      "bad_request",
      "rate_limited",
    ]),
    message: z.string(),
  }),
});
export type EmbedError = z.infer<typeof embedErrorSchema>;
