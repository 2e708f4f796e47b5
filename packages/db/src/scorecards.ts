import { and, count, eq } from "drizzle-orm";
import {
  addFacts,
  computeScorecard,
  EMPTY_FACTS,
  parsePeriodKey,
  periodContaining,
  periodSeries,
  type MetricResult,
  type PartnerFacts,
  type Period,
  type PeriodKind,
} from "@tandem/metrics";
import type { Database } from "./client.js";
import { fail, ok, type Result } from "./result.js";
import { loadFacts } from "./facts.js";
import {
  listPartners,
  programToday,
  type Partner,
  type Program,
} from "./programs.js";
import { leads, type LeadStatus } from "./schema/index.js";

const KEY_EXAMPLES: Record<PeriodKind, string> = {
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
  kind: PeriodKind,
  key?: string | null,
): Result<Period, "bad_period"> {
  const today = programToday(program);
  if (!key) return ok(periodContaining(kind, today));
  const period = parsePeriodKey(kind, key);
  if (!period || period.start < "1900-01-01" || period.start >= "2200-01-01") {
    return fail("bad_period", `"${key}" is not ${KEY_EXAMPLES[kind]}.`);
  }
  if (period.start > today) {
    return fail("bad_period", `${period.label} has not begun yet.`);
  }
  return ok(period);
}

/** Three periods (P-2, P-1, P): P's values, P-1's, and P-1's growth. */
function scorecardBounds(period: Period): string[] {
  const series = periodSeries(period, 3);
  return [...series.map((p) => p.start), period.end];
}

export interface PartnerScorecard {
  partner: Pick<Partner, "id" | "name">;
  period: Period;
  previous: Period;
  metrics: MetricResult[];
}

export async function getPartnerScorecard(
  db: Database,
  input: {
    programId: number;
    partner: Pick<Partner, "id" | "name">;
    period: Period;
  },
): Promise<PartnerScorecard> {
  const bounds = scorecardBounds(input.period);
  const facts = await loadFacts(db, {
    programId: input.programId,
    partnerIds: [input.partner.id],
    bounds,
  });
  return toScorecard(input.partner, input.period, facts.get(input.partner.id));
}

function toScorecard(
  partner: Pick<Partner, "id" | "name">,
  period: Period,
  facts: PartnerFacts[] | undefined,
): PartnerScorecard {
  const series = facts ?? [EMPTY_FACTS, EMPTY_FACTS, EMPTY_FACTS];
  return {
    partner: { id: partner.id, name: partner.name },
    period,
    previous: periodSeries(period, 2)[0]!,
    metrics: computeScorecard(series),
  };
}

export interface ProgramOverview {
  period: Period;
  partners: PartnerScorecard[];
  /** The whole program: every partner's facts added up. */
  total: MetricResult[];
}

/** Every partner of the program with its scorecard, in one pass. */
export async function getProgramOverview(
  db: Database,
  input: { programId: number; period: Period },
): Promise<ProgramOverview> {
  const bounds = scorecardBounds(input.period);
  const [partners, facts] = await Promise.all([
    listPartners(db, { programId: input.programId }),
    loadFacts(db, { programId: input.programId, bounds }),
  ]);
  const total = [0, 1, 2].map((i) =>
    [...facts.values()].reduce((sum, series) => addFacts(sum, series[i]!), {
      ...EMPTY_FACTS,
    }),
  );
  return {
    period: input.period,
    partners: partners.map((p) =>
      toScorecard(p, input.period, facts.get(p.id)),
    ),
    total: computeScorecard(total),
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
  const counts = { submitted: 0, accepted: 0, rejected: 0, won: 0, lost: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}
