import { sql } from "drizzle-orm";
import { EMPTY_FACTS, type PartnerFacts } from "@tandem/metrics";
import type { Database } from "../client.js";
import { big, num, numOrNull, selectRows } from "../raw.js";
import { COMMUNICATION_KINDS, JOINT_ACTIVITY_KINDS } from "../values.js";
import { bucket, inBounds, partnerFilter, type FactsQuery } from "./query.js";
import { dayAfter, loadSpans, type Spans } from "./spans.js";

/** Facts per partner, one entry per period, for every partner with any. */
export type FactsByPartner = Map<number, PartnerFacts[]>;

type Row = Record<string, unknown>;
type Apply = (facts: PartnerFacts, row: Row) => void;

const kinds = (list: readonly string[]) => `{${list.join(",")}}`;

/**
 * One grouped pass over each fact table; every query answers
 * (partner_id, b, ...) rows where b is the 1-based period.
 */
export async function loadFacts(
  db: Database,
  query: FactsQuery,
): Promise<FactsByPartner> {
  return (await loadAllFacts(db, query, false)).partners;
}

/**
 * loadFacts for every partner, and the program's response median per
 * period, taken over all leads in the same pass (grouping sets): each
 * median reads every lead's first decision, the costliest pass.
 */
export async function loadFactsAndMedians(
  db: Database,
  query: Omit<FactsQuery, "partnerIds">,
): Promise<{ partners: FactsByPartner; medians: (number | null)[] }> {
  return loadAllFacts(db, query, true);
}

async function loadAllFacts(
  db: Database,
  query: FactsQuery,
  withMedians: boolean,
) {
  if (query.bounds.length < 2) throw new Error("need at least one period");
  const periods = query.bounds.length - 1;
  const byPartner: FactsByPartner = new Map();
  const medians: (number | null)[] = Array(periods).fill(null);
  const passes: [Promise<Row[]>, Apply][] = [
    [selectRows(db, registered(query)), applyRegistered],
    [selectRows(db, closed(query)), applyClosed],
    [selectRows(db, revenue(query)), applyRevenue],
    [selectRows(db, rated(query)), applyRated],
    [selectRows(db, acquired(query)), applyAcquired],
    [selectRows(db, spent(query)), applySpent],
    [selectRows(db, together(query)), applyTogether],
    [selectRows(db, responded(query, withMedians)), applyResponded],
    [selectRows(db, measured(query)), applyMeasured],
  ];
  const spans = loadSpans(db, {
    programId: query.programId,
    scope: sql`and partner_id is not null
      ${partnerFilter(sql`partner_id`, query)}`,
    days: [...query.bounds, ...query.bounds.slice(0, -1).map(dayAfter)],
  });
  const seriesOf = (partnerId: number) => {
    let series = byPartner.get(partnerId);
    if (!series) {
      series = Array.from({ length: periods }, () => emptyFacts());
      byPartner.set(partnerId, series);
    }
    return series;
  };
  for (const [rows, apply] of passes) {
    for (const row of await rows) {
      if (row.program_wide) {
        medians[num(row.b) - 1] = numOrNull(row.median_hours);
      } else {
        apply(seriesOf(num(row.partner_id))[num(row.b) - 1]!, row);
      }
    }
  }
  applyRetention(await spans, query.bounds, seriesOf);
  return { partners: byPartner, medians };
}

export function emptyFacts(): PartnerFacts {
  return { ...EMPTY_FACTS, manualSums: {}, manualCounts: {} };
}

function registered(q: FactsQuery) {
  return sql`
    select partner_id, ${bucket(sql`registered_on`, q.bounds)} as b,
      count(*) as n,
      count(*) filter (where source <> 'portal') as automated
    from leads
    where program_id = ${q.programId} ${partnerFilter(sql`partner_id`, q)}
      and ${inBounds(sql`registered_on`, q.bounds)}
    group by 1, 2`;
}
const applyRegistered: Apply = (f, r) => {
  f.leadsRegistered = num(r.n);
  f.leadsAutomated = num(r.automated);
};

function closed(q: FactsQuery) {
  return sql`
    select partner_id, ${bucket(sql`closed_on`, q.bounds)} as b,
      count(*) filter (where status = 'won') as won,
      count(*) filter (where status = 'lost') as lost,
      coalesce(sum(won_amount_minor) filter (where status = 'won'), 0)
        as won_amount
    from leads
    where program_id = ${q.programId} ${partnerFilter(sql`partner_id`, q)}
      and status in ('won', 'lost')
      and ${inBounds(sql`closed_on`, q.bounds)}
    group by 1, 2`;
}
const applyClosed: Apply = (f, r) => {
  f.leadsWon = num(r.won);
  f.leadsLost = num(r.lost);
  f.wonAmountMinor = big(r.won_amount);
};

/**
 * Periods of whole months read revenue_months, kept equal to the
 * events by every write; other ranges of days read the events.
 */
function revenue(q: FactsQuery) {
  if (q.bounds.every((day) => day.endsWith("-01"))) {
    return sql`
      select partner_id, ${bucket(sql`month`, q.bounds)} as b,
        sum(amount_minor) as amount
      from revenue_months
      where program_id = ${q.programId} and partner_id is not null
        ${partnerFilter(sql`partner_id`, q)}
        and ${inBounds(sql`month`, q.bounds)}
      group by 1, 2`;
  }
  return sql`
    select c.partner_id, ${bucket(sql`r.occurred_on`, q.bounds)} as b,
      sum(r.amount_minor) as amount
    from revenue_events r
    join customers c on c.id = r.customer_id and c.program_id = r.program_id
    where r.program_id = ${q.programId} and c.partner_id is not null
      ${partnerFilter(sql`c.partner_id`, q)}
      and ${inBounds(sql`r.occurred_on`, q.bounds)}
    group by 1, 2`;
}
const applyRevenue: Apply = (f, r) => {
  f.revenueMinor = big(r.amount);
};

/**
 * A later rating by the same person, partner and side, in the same
 * cadence period and the same period being computed: a month already
 * past keeps its value when the person rates again the next month of a
 * quarterly cadence.
 */
const replacedLater = (q: FactsQuery) => sql`exists (
  select 1 from ratings later
  where pr.rating_cadence <> 'off'
    and later.program_id = r.program_id
    and later.partner_id = r.partner_id
    and later.user_id = r.user_id
    and later.side = r.side
    and (later.rated_on, later.id) > (r.rated_on, r.id)
    and date_trunc(pr.rating_cadence::text, later.rated_on::timestamp)
      = date_trunc(pr.rating_cadence::text, r.rated_on::timestamp)
    and ${bucket(sql`later.rated_on`, q.bounds)}
      = ${bucket(sql`r.rated_on`, q.bounds)})`;

/**
 * Both sides' ratings in the periods. A person's later rating in the
 * same period of the program's rating cadence replaces their earlier
 * one (decision 0017): the earlier stays in the history but no longer
 * counts. With the cadence off, every rating counts.
 */
function rated(q: FactsQuery) {
  return sql`
    select r.partner_id, ${bucket(sql`r.rated_on`, q.bounds)} as b,
      sum(r.score) filter (where r.side = 'partner') as p_sum,
      count(*) filter (where r.side = 'partner') as p_n,
      count(*) filter (where r.side = 'partner' and r.score >= 9)
        as promoters,
      count(*) filter (where r.side = 'partner' and r.score <= 6)
        as detractors,
      sum(r.score) filter (where r.side = 'owner') as o_sum,
      count(*) filter (where r.side = 'owner') as o_n,
      sum(r.communication) as c_sum,
      count(r.communication) as c_n
    from ratings r
    join programs pr on pr.id = r.program_id
    where r.program_id = ${q.programId}
      ${partnerFilter(sql`r.partner_id`, q)}
      and ${inBounds(sql`r.rated_on`, q.bounds)}
      and not ${replacedLater(q)}
    group by 1, 2`;
}

const applyRated: Apply = (f, r) => {
  f.partnerRatingSum = num(r.p_sum);
  f.partnerRatingCount = num(r.p_n);
  f.partnerPromoters = num(r.promoters);
  f.partnerDetractors = num(r.detractors);
  f.ownerRatingSum = num(r.o_sum);
  f.ownerRatingCount = num(r.o_n);
  f.communicationScoreSum = num(r.c_sum);
  f.communicationScoreCount = num(r.c_n);
};

function acquired(q: FactsQuery) {
  return sql`
    select partner_id, ${bucket(sql`acquired_on`, q.bounds)} as b,
      count(*) as n,
      count(*) filter (where segment in (
        select name from target_segments where program_id = ${q.programId}
      )) as in_target
    from customers
    where program_id = ${q.programId} and partner_id is not null
      ${partnerFilter(sql`partner_id`, q)}
      and ${inBounds(sql`acquired_on`, q.bounds)}
    group by 1, 2`;
}
const applyAcquired: Apply = (f, r) => {
  f.newCustomers = num(r.n);
  f.newCustomersInTargetSegments = num(r.in_target);
};

function spent(q: FactsQuery) {
  return sql`
    select partner_id, ${bucket(sql`incurred_on`, q.bounds)} as b,
      sum(amount_minor) as amount
    from costs
    where program_id = ${q.programId} ${partnerFilter(sql`partner_id`, q)}
      and ${inBounds(sql`incurred_on`, q.bounds)}
    group by 1, 2`;
}
const applySpent: Apply = (f, r) => {
  f.costsMinor = big(r.amount);
};

function together(q: FactsQuery) {
  return sql`
    select ap.partner_id, ${bucket(sql`a.occurred_on`, q.bounds)} as b,
      count(*) filter (where a.kind::text = any(${kinds(JOINT_ACTIVITY_KINDS)}::text[])) as joint,
      count(*) filter (where a.kind::text = any(${kinds(COMMUNICATION_KINDS)}::text[])) as comms,
      count(*) filter (where a.kind = 'innovation' and a.completed) as innovations
    from activity_partners ap
    join activities a on a.id = ap.activity_id and a.program_id = ap.program_id
    where ap.program_id = ${q.programId}
      ${partnerFilter(sql`ap.partner_id`, q)}
      and ${inBounds(sql`a.occurred_on`, q.bounds)}
    group by 1, 2`;
}
const applyTogether: Apply = (f, r) => {
  f.jointActivities = num(r.joint);
  f.communications = num(r.comms);
  f.innovations = num(r.innovations);
};

/**
 * Active on day d: acquired on or before d and not churned by then.
 * Retained: active on P's first day and on its last (churned on or
 * after P's end). Only partners with such customers get a series.
 */
function applyRetention(
  spans: Spans,
  bounds: readonly string[],
  seriesOf: (partnerId: number) => PartnerFacts[],
) {
  for (const [partnerId, groups] of spans.groups) {
    const counts = bounds
      .slice(1)
      .map((e, i) => spans.retention(groups, bounds[i]!, e));
    if (counts.every((c) => c.atStart === 0)) continue;
    const series = seriesOf(partnerId!);
    counts.forEach((c, i) => {
      series[i]!.customersActiveAtStart = c.atStart;
      series[i]!.customersRetained = c.retained;
    });
  }
}

/**
 * Hours from registration to the owner's first decision, for leads
 * registered live in P (portal, API, widget: imported leads carry no
 * moment of registration). The median is taken in SQL.
 */
function firstDecisions(programId: number) {
  return sql`
    select lead_id, min(created_at) as decided_at
    from lead_events
    where program_id = ${programId}
      and from_status in ('submitted', 'under_review')
    group by lead_id`;
}

/**
 * For some partners, each lead's first decision is looked up by index
 * (lateral); for all of them, one grouped pass over the events is
 * cheaper. Grouping every event of a large program for one partner's
 * few hundred leads took most of a partner scorecard's time.
 */
function decisionsOf(q: FactsQuery) {
  if (!q.partnerIds) {
    return sql`join (${firstDecisions(q.programId)}) d on d.lead_id = l.id`;
  }
  return sql`cross join lateral (
      select min(e.created_at) as decided_at from lead_events e
      where e.program_id = l.program_id and e.lead_id = l.id
        and e.from_status in ('submitted', 'under_review')
    ) d`;
}

/** With `program`, also a program_wide row per period, of all leads. */
function responded(q: FactsQuery, program: boolean) {
  const sets = program ? sql`grouping sets ((partner_id, b), (b))` : sql`1, 2`;
  return sql`
    select partner_id, b, grouping(partner_id) = 1 as program_wide,
      percentile_cont(0.5) within group (order by hours) as median_hours
    from (
      select l.partner_id, ${bucket(sql`l.registered_on`, q.bounds)} as b,
        extract(epoch from d.decided_at - l.created_at) / 3600 as hours
      from leads l
      ${decisionsOf(q)}
      where l.program_id = ${q.programId} and l.source <> 'import'
        ${partnerFilter(sql`l.partner_id`, q)}
        and ${inBounds(sql`l.registered_on`, q.bounds)}
    ) x
    group by ${sets}`;
}
const applyResponded: Apply = (f, r) => {
  f.responseHoursMedian = numOrNull(r.median_hours);
};

function measured(q: FactsQuery) {
  return sql`
    select partner_id, ${bucket(sql`measured_on`, q.bounds)} as b,
      metric_id, sum(value) as total, count(*) as n
    from manual_measures
    where program_id = ${q.programId} and partner_id is not null
      ${partnerFilter(sql`partner_id`, q)}
      and ${inBounds(sql`measured_on`, q.bounds)}
    group by 1, 2, 3`;
}
const applyMeasured: Apply = (f, r) => {
  const metric = String(r.metric_id) as keyof PartnerFacts["manualSums"];
  f.manualSums[metric] = num(r.total);
  f.manualCounts[metric] = num(r.n);
};
