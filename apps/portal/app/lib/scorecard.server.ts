import { z } from "zod";
import { PERIOD_KINDS, type MetricResult, type Period } from "@tandem/metrics";
import { resolvePeriod, type Program } from "@tandem/db";
import { formatMetricValue } from "./format.js";

export const periodQuerySchema = z.object({
  kind: z.enum(PERIOD_KINDS).catch("quarter"),
  at: z.string().max(16).optional(),
});

/** The period in the query string, or the current one; 400 when bad. */
export function periodFromUrl(program: Program, url: URL): Period {
  const query = periodQuerySchema.parse(Object.fromEntries(url.searchParams));
  const period = resolvePeriod(program, query.kind, query.at);
  if (!period) {
    throw new Response(
      `"${query.at}" is not a ${query.kind}: use 2017-03, 2017-Q1 or 2017.`,
      { status: 400 },
    );
  }
  return period;
}

export interface MetricView {
  id: string;
  label: string;
  description: string;
  value: string;
  previous: string;
  /** For sorting: null sorts last. */
  sortValue: number | null;
}

export function toMetricViews(
  metrics: MetricResult[],
  program: Program,
): MetricView[] {
  return metrics.map((m) => ({
    id: m.definition.id,
    label: m.definition.name,
    description: m.definition.description,
    value: formatMetricValue(m.value, m.definition.unit, program),
    previous: formatMetricValue(m.previous, m.definition.unit, program),
    sortValue: m.value === null ? null : Number(m.value),
  }));
}
