import { and, count, eq, sum } from "drizzle-orm";
import {
  addFacts,
  computeProgramScorecard,
  computeProgramSeries,
  computeScorecard,
  computeSeries,
  EMPTY_CLTV_FACTS,
  EMPTY_FACTS,
  daysIn,
  parseCustomKey,
  parsePeriodKey,
  periodContaining,
  periodSeries,
  type MetricResult,
  type PartnerFacts,
  type Period,
  type PeriodKind,
  type ProgramSettings,
  type ProgramValues,
  type ScorecardValues,
  type SeriesOptions,
} from "@tandem/metrics";
import type { Database } from "./client.js";
import { fail, ok, type Result } from "./result.js";
import { loadCltvFacts, loadFacts, loadProgramFacts } from "./facts/index.js";
import {
  listPartners,
  programToday,
  type Partner,
  type Program,
} from "./programs.js";
import { leads, targetSegments } from "./schema/index.js";
import { LEAD_STATUSES, type LeadStatus } from "./values.js";

/** A custom range's series goes twelve ranges back: keep it sane. */
export const MAX_CUSTOM_DAYS = 366 * 3;

const KEY_EXAMPLES: Record<PeriodKind | "custom", string> = {
  custom: "a range of days of at most three years",
  month: "a month such as 2017-03",
  quarter: "a quarter such as 2017-Q1",
  year: "a year such as 2017",
};

/**
 * The period a page asks for: the one named by `key`, or the current one
 * in the program's time zone. A period that has not begun, or one
 * outside 1900-2199, is refused: its figures would be noise.
 */
export function resolvePeriod(
  program: Pick<Program, "timeZone">,
  kind: PeriodKind | "custom",
  key?: string | null,
): Result<Period, "bad_period"> {
  const today = programToday(program);
  if (!key)
    return ok(periodContaining(kind === "custom" ? "month" : kind, today));
  const period =
    kind === "custom" ? parseCustomKey(key) : parsePeriodKey(kind, key);
  if (
    !period ||
    period.start < "1900-01-01" ||
    period.start >= "2200-01-01" ||
    (kind === "custom" && daysIn(period) > MAX_CUSTOM_DAYS)
  ) {
    return fail("bad_period", `"${key}" is not ${KEY_EXAMPLES[kind]}.`);
  }
  if (period.start > today) {
    return fail("bad_period", `${period.label} has not begun yet.`);
  }
  return ok(period);
}

/** Periods shown in a scorecard's series (its chart). */
export const SERIES_LENGTH = 12;

/**
 * The series ending at P, plus one period before it, so that the first
 * shown period's growth can be computed.
 */
function seriesPeriods(period: Period): Period[] {
  return periodSeries(period, SERIES_LENGTH + 1);
}

function boundsOf(periods: readonly Period[]): string[] {
  return [...periods.map((p) => p.start), periods.at(-1)!.end];
}

/** The program's settings as the formulas take them. */
export async function getProgramSettings(
  db: Database,
  program: Pick<
    Program,
    "id" | "grossMarginBasisPoints" | "lifetimeCapMonths" | "healthWeights"
  >,
): Promise<ProgramSettings> {
  const [row] = await db
    .select({ accounts: sum(targetSegments.targetAccounts) })
    .from(targetSegments)
    .where(eq(targetSegments.programId, program.id));
  const accounts = row?.accounts == null ? null : Number(row.accounts);
  return {
    grossMarginBasisPoints: program.grossMarginBasisPoints,
    lifetimeCapMonths: program.lifetimeCapMonths,
    healthWeights: program.healthWeights,
    targetAccounts: accounts,
  };
}

export interface PartnerScorecard {
  partner: Pick<Partner, "id" | "name">;
  period: Period;
  previous: Period;
  metrics: MetricResult[];
  /** The last SERIES_LENGTH periods, oldest first, and their values. */
  periods: Period[];
  series: ScorecardValues[];
}

export async function getPartnerScorecard(
  db: Database,
  input: {
    program: Program;
    partner: Pick<Partner, "id" | "name">;
    period: Period;
  },
): Promise<PartnerScorecard> {
  const periods = seriesPeriods(input.period);
  const query = {
    programId: input.program.id,
    partnerIds: [input.partner.id],
    bounds: boundsOf(periods),
  };
  const [facts, cltv, settings] = await Promise.all([
    loadFacts(db, query),
    loadCltvFacts(db, query),
    getProgramSettings(db, input.program),
  ]);
  const blank = periods.map(() => EMPTY_CLTV_FACTS);
  return toScorecard(input.partner, periods, facts.get(input.partner.id), {
    periods,
    cltv: cltv.get(input.partner.id) ?? blank,
    directCltv: cltv.get(null) ?? blank,
    settings,
  });
}

function toScorecard(
  partner: Pick<Partner, "id" | "name">,
  periods: Period[],
  facts: PartnerFacts[] | undefined,
  options: SeriesOptions,
): PartnerScorecard {
  const series = facts ?? periods.map(() => EMPTY_FACTS);
  const values = computeSeries(series, options);
  return {
    partner: { id: partner.id, name: partner.name },
    period: periods.at(-1)!,
    previous: periods.at(-2)!,
    metrics: computeScorecard(series, options),
    periods: periods.slice(1),
    series: values.slice(1),
  };
}

export interface ProgramOverview {
  period: Period;
  partners: PartnerScorecard[];
  /** The program's own scorecard: every metric, ecosystem ones too. */
  total: MetricResult[];
  periods: Period[];
  totalSeries: ProgramValues[];
}

/** Every partner of the program with its scorecard, in one pass. */
export async function getProgramOverview(
  db: Database,
  input: { program: Program; period: Period },
): Promise<ProgramOverview> {
  const periods = seriesPeriods(input.period);
  const [partners, facts, settings] = await Promise.all([
    listPartners(db, { programId: input.program.id }),
    loadProgramFacts(db, {
      programId: input.program.id,
      timeZone: input.program.timeZone,
      bounds: boundsOf(periods),
    }),
    getProgramSettings(db, input.program),
  ]);
  const programOptions = { periods, settings };
  return {
    period: input.period,
    partners: partners.map((p) =>
      toScorecard(p, periods, facts.partners.get(p.id), {
        periods,
        cltv: facts.cltv.get(p.id),
        directCltv: facts.directCltv,
        settings,
      }),
    ),
    total: computeProgramScorecard(facts.program, programOptions),
    periods: periods.slice(1),
    totalSeries: computeProgramSeries(facts.program, programOptions).slice(1),
  };
}

/**
 * The program's facts over any range of days [start, end), all partners
 * added up (a custom period, e.g. "everything imported").
 */
export async function getProgramFacts(
  db: Database,
  input: { programId: number; start: string; end: string },
): Promise<PartnerFacts> {
  const facts = await loadFacts(db, {
    programId: input.programId,
    bounds: [input.start, input.end],
  });
  return [...facts.values()].reduce((sum, s) => addFacts(sum, s[0]!), {
    ...EMPTY_FACTS,
  });
}

export async function countLeadsByStatus(
  db: Database,
  { programId, partnerId }: { programId: number; partnerId?: number | null },
): Promise<Record<LeadStatus, number>> {
  const rows = await db
    .select({ status: leads.status, n: count() })
    .from(leads)
    .where(
      partnerId == null
        ? eq(leads.programId, programId)
        : and(eq(leads.programId, programId), eq(leads.partnerId, partnerId)),
    )
    .groupBy(leads.status);
  const counts = Object.fromEntries(LEAD_STATUSES.map((s) => [s, 0])) as Record<
    LeadStatus,
    number
  >;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}
