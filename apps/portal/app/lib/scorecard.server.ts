import { z } from "zod";
import { PERIOD_KINDS, type MetricResult, type Period } from "@tandem/metrics";
import { resolvePeriod, type Program } from "@tandem/db";
import { formatMetricValue } from "./format.js";
import { periodFromForm } from "./period-choice.server.js";

export const periodQuerySchema = z.object({
  kind: z.enum([...PERIOD_KINDS, "custom"]).catch("quarter"),
  at: z.string().max(24).optional(),
  /** A custom range of days, both included (from the picker). */
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});

/**
 * The period in the query string, or the current one. A bad choice
 * shows the current period with the reason beside the picker (and a
 * 400), rather than a dead-end error page.
 */
export function periodFromUrl(
  program: Program,
  url: URL,
): { period: Period; error: string | null } {
  const query = periodQuerySchema.parse(Object.fromEntries(url.searchParams));
  const chosen = periodFromForm(program, query);
  if (chosen.ok) return { period: chosen.value, error: null };
  // The current period of the kind asked for; for a range, the quarter,
  // as a page with no choice shows.
  const current = resolvePeriod(
    program,
    query.kind === "custom" ? "quarter" : query.kind,
  );
  if (!current.ok) throw new Error("the current period always resolves");
  return { period: current.value, error: chosen.message };
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
