import {
  addFacts,
  computeScorecard,
  computeSeries,
  EMPTY_FACTS,
  periodSeries,
  type MetricResult,
  type PartnerFacts,
  type Period,
  type ScorecardValues,
} from "@tandem/metrics";
import type { Database } from "./client.js";
import { loadFacts } from "./facts/index.js";

export interface ScorecardTrend {
  period: Period;
  metrics: MetricResult[];
  /** The last `points` periods, oldest first, ending with `period`. */
  series: { period: Period; values: ScorecardValues }[];
}

/**
 * A scorecard with a short history per metric, for one partner or (with
 * partnerId null) the whole program added up. One more period than the
 * points is loaded, so the oldest point's growth rate is known too.
 */
export async function getScorecardTrend(
  db: Database,
  input: {
    programId: number;
    partnerId: number | null;
    period: Period;
    points: number;
  },
): Promise<ScorecardTrend> {
  const periods = periodSeries(input.period, Math.max(input.points, 2) + 1);
  const facts = await loadFacts(db, {
    programId: input.programId,
    partnerIds: input.partnerId === null ? undefined : [input.partnerId],
    bounds: [...periods.map((p) => p.start), input.period.end],
  });
  const series =
    input.partnerId === null
      ? addUp([...facts.values()], periods.length)
      : (facts.get(input.partnerId) ?? periods.map(() => ({ ...EMPTY_FACTS })));
  const values = computeSeries(series);
  return {
    period: input.period,
    metrics: computeScorecard(series),
    series: periods
      .map((period, i) => ({ period, values: values[i]! }))
      .slice(-input.points),
  };
}

function addUp(all: PartnerFacts[][], length: number): PartnerFacts[] {
  return Array.from({ length }, (_, i) =>
    all.reduce((sum, series) => addFacts(sum, series[i]!), {
      ...EMPTY_FACTS,
    }),
  );
}
