import { PARTNER_CATALOG, PROGRAM_CATALOG } from "./catalog.js";
import { changeAgainst, type MetricChange } from "./change.js";
import type { MetricDefinition } from "./definition.js";
import type { PartnerFacts } from "./facts.js";
import type { MetricId } from "./metric-ids.js";
import {
  partnerValues,
  type MetricValue,
  type ScorecardValues,
} from "./partner-values.js";
import type { Period } from "./periods.js";
import type { CltvFacts, ProgramFacts } from "./program-facts.js";
import { programValues, type ProgramValues } from "./program-values.js";
import { DEFAULT_PROGRAM_SETTINGS, type ProgramSettings } from "./settings.js";

export interface MetricResult {
  definition: MetricDefinition;
  value: MetricValue;
  /** The same metric for the period before. */
  previous: MetricValue;
  change: MetricChange;
}

/**
 * What a series needs besides facts, one entry per period in the same
 * order. Without `periods`, rates per month and quarter are null;
 * without `cltv`, P-CLTV and its uplift are null.
 */
export interface SeriesOptions {
  periods?: readonly Period[];
  /** The partner's CLTV window at each period's end. */
  cltv?: readonly CltvFacts[];
  /** Direct customers' CLTV window at each period's end. */
  directCltv?: readonly CltvFacts[];
  settings?: ProgramSettings;
}

function entry<T>(list: readonly T[] | undefined, i: number, n: number) {
  if (list === undefined) return null;
  if (list.length !== n) throw new RangeError("one entry per period");
  return list[i]!;
}

/**
 * Metric values for consecutive periods, oldest first. The first period
 * only serves as the "before" of the second, so growth there is null
 * (no earlier facts were given).
 */
export function computeSeries(
  facts: readonly PartnerFacts[],
  options: SeriesOptions = {},
): ScorecardValues[] {
  const n = facts.length;
  return facts.map((f, i) =>
    partnerValues({
      facts: f,
      before: i === 0 ? null : facts[i - 1]!,
      period: entry(options.periods, i, n),
      cltv: entry(options.cltv, i, n),
      directCltv: entry(options.directCltv, i, n),
      settings: options.settings ?? DEFAULT_PROGRAM_SETTINGS,
    }),
  );
}

export interface ProgramSeriesOptions {
  periods?: readonly Period[];
  settings?: ProgramSettings;
}

/** The program's values for consecutive periods, oldest first. */
export function computeProgramSeries(
  facts: readonly ProgramFacts[],
  options: ProgramSeriesOptions = {},
): ProgramValues[] {
  return facts.map((f, i) =>
    programValues({
      facts: f,
      before: i === 0 ? null : facts[i - 1]!,
      period: entry(options.periods, i, facts.length),
      settings: options.settings ?? DEFAULT_PROGRAM_SETTINGS,
    }),
  );
}

function lastTwo<V>(series: V[]): [V, V | null] {
  const current = series.at(-1);
  if (!current) throw new Error("a scorecard needs at least one period");
  return [current, series.length > 1 ? series.at(-2)! : null];
}

function results(
  definitions: readonly MetricDefinition[],
  current: Partial<Record<MetricId, MetricValue>>,
  before: Partial<Record<MetricId, MetricValue>> | null,
): MetricResult[] {
  return definitions.map((definition) => {
    const value = current[definition.id] ?? null;
    const previous = before?.[definition.id] ?? null;
    return {
      definition,
      value,
      previous,
      change: changeAgainst(value, previous),
    };
  });
}

/**
 * The scorecard of the last period in `facts`: every partner-level
 * metric with the previous period's value beside it. Pass three periods
 * (P-2, P-1, P) so that the previous growth rate can be computed too.
 */
export function computeScorecard(
  facts: readonly PartnerFacts[],
  options: SeriesOptions = {},
): MetricResult[] {
  const [current, before] = lastTwo(computeSeries(facts, options));
  return results(PARTNER_CATALOG, current, before);
}

/** The program's scorecard of its last period: every metric. */
export function computeProgramScorecard(
  facts: readonly ProgramFacts[],
  options: ProgramSeriesOptions = {},
): MetricResult[] {
  const [current, before] = lastTwo(computeProgramSeries(facts, options));
  return results(PROGRAM_CATALOG, current, before);
}
