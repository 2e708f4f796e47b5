import { sql } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { Database } from "../client.js";
import { big, num, numOrNull, selectRows } from "../raw.js";
import { COMMUNICATION_KINDS, JOINT_ACTIVITY_KINDS } from "../values.js";
import { bucket, inBounds, periodRows, type FactsQuery } from "./query.js";

export interface PartnerSpan {
  id: number;
  joinedOn: string;
  endedOn: string | null;
  declaredReach: number | null;
}

/** Facts of the program as a whole that are not sums of partners'. */
export interface ProgramOnlyFacts {
  /** Distinct pairs linked in P, as "p1-p2" with p1 < p2. */
  pairs: Set<string>;
  /** Activities in P, each once however many partners it names. */
  jointActivities: number;
  communications: number;
  innovations: number;
  coSoldWon: { sumMinor: bigint; count: number };
  singleWon: { sumMinor: bigint; count: number };
  /** Partners with an embed key live at some time in P. */
  integratedPartnerIds: Set<number>;
  manualSums: Record<string, number>;
  manualCounts: Record<string, number>;
}

export async function listPartnerSpans(
  db: Database,
  programId: number,
): Promise<PartnerSpan[]> {
  const rows = await selectRows(
    db,
    sql`select id, joined_on::text as joined_on, ended_on::text as ended_on,
          declared_reach
        from partners where program_id = ${programId}`,
  );
  return rows.map((r) => ({
    id: num(r.id),
    joinedOn: String(r.joined_on),
    endedOn: r.ended_on == null ? null : String(r.ended_on),
    declaredReach: numOrNull(r.declared_reach),
  }));
}

/** Active on a day: joined on or before it, not ended by then. */
export function activeOn(p: PartnerSpan, day: string): boolean {
  return p.joinedOn <= day && (p.endedOn === null || p.endedOn > day);
}

export function lastDay(end: string): string {
  return Temporal.PlainDate.from(end).subtract({ days: 1 }).toString();
}

export async function loadProgramOnlyFacts(
  db: Database,
  query: FactsQuery,
  timeZone: string,
): Promise<ProgramOnlyFacts[]> {
  const periods = query.bounds.length - 1;
  const out: ProgramOnlyFacts[] = Array.from({ length: periods }, () => ({
    pairs: new Set<string>(),
    jointActivities: 0,
    communications: 0,
    innovations: 0,
    coSoldWon: { sumMinor: 0n, count: 0 },
    singleWon: { sumMinor: 0n, count: 0 },
    integratedPartnerIds: new Set<number>(),
    manualSums: {},
    manualCounts: {},
  }));
  const at = (row: Record<string, unknown>) => out[num(row.b) - 1]!;
  const [pairs, activities, won, keys, manual] = await Promise.all([
    selectRows(db, pairsSql(query)),
    selectRows(db, activitiesSql(query)),
    selectRows(db, wonSql(query)),
    selectRows(db, liveKeysSql(query, timeZone)),
    selectRows(db, manualSql(query)),
  ]);
  for (const r of pairs) at(r).pairs.add(`${num(r.p1)}-${num(r.p2)}`);
  for (const r of activities) {
    at(r).jointActivities = num(r.joint);
    at(r).communications = num(r.comms);
    at(r).innovations = num(r.innovations);
  }
  for (const r of won) {
    const target = r.co_sold ? at(r).coSoldWon : at(r).singleWon;
    target.sumMinor = big(r.amount);
    target.count = num(r.n);
  }
  for (const r of keys) at(r).integratedPartnerIds.add(num(r.partner_id));
  for (const r of manual) {
    at(r).manualSums[String(r.metric_id)] = num(r.total);
    at(r).manualCounts[String(r.metric_id)] = num(r.n);
  }
  return out;
}

/**
 * Distinct partner pairs that shared an activity in P, or a co-sold
 * lead registered in P (the source partner and every partner added).
 */
function pairsSql(q: FactsQuery) {
  return sql`
    with links as (
      select a.occurred_on as day, x.partner_id as p1, y.partner_id as p2
      from activity_partners x
      join activity_partners y
        on y.activity_id = x.activity_id and y.partner_id > x.partner_id
      join activities a on a.id = x.activity_id and a.program_id = x.program_id
      where x.program_id = ${q.programId}
        and ${inBounds(sql`a.occurred_on`, q.bounds)}
      union all
      select l.registered_on, least(l.partner_id, lp.partner_id),
        greatest(l.partner_id, lp.partner_id)
      from lead_partners lp
      join leads l on l.id = lp.lead_id and l.program_id = lp.program_id
      where lp.program_id = ${q.programId} and lp.partner_id <> l.partner_id
        and ${inBounds(sql`l.registered_on`, q.bounds)}
      union all
      select l.registered_on, x.partner_id, y.partner_id
      from lead_partners x
      join lead_partners y
        on y.lead_id = x.lead_id and y.partner_id > x.partner_id
      join leads l on l.id = x.lead_id and l.program_id = x.program_id
      where x.program_id = ${q.programId}
        and ${inBounds(sql`l.registered_on`, q.bounds)}
    )
    select distinct ${bucket(sql`day`, q.bounds)} as b, p1, p2 from links`;
}

function activitiesSql(q: FactsQuery) {
  const kinds = (list: readonly string[]) => `{${list.join(",")}}`;
  return sql`
    select ${bucket(sql`occurred_on`, q.bounds)} as b,
      count(*) filter (where kind::text = any(${kinds(JOINT_ACTIVITY_KINDS)}::text[])) as joint,
      count(*) filter (where kind::text = any(${kinds(COMMUNICATION_KINDS)}::text[])) as comms,
      count(*) filter (where kind = 'innovation' and completed) as innovations
    from activities
    where program_id = ${q.programId}
      and ${inBounds(sql`occurred_on`, q.bounds)}
    group by 1`;
}

function wonSql(q: FactsQuery) {
  return sql`
    select ${bucket(sql`l.closed_on`, q.bounds)} as b,
      exists (select 1 from lead_partners lp where lp.lead_id = l.id
              and lp.partner_id <> l.partner_id) as co_sold,
      sum(l.won_amount_minor) as amount, count(*) as n
    from leads l
    where l.program_id = ${q.programId} and l.status = 'won'
      and ${inBounds(sql`l.closed_on`, q.bounds)}
    group by 1, 2`;
}

/** Keys created before P's end and not revoked before its start. */
function liveKeysSql(q: FactsQuery, timeZone: string) {
  const local = (column: string) =>
    sql`(${sql.raw(column)} at time zone ${timeZone})::date`;
  return sql`
    select distinct k.partner_id, p.i as b
    from embed_keys k cross join ${periodRows(q.bounds)}
    where k.program_id = ${q.programId}
      and ${local("k.created_at")} < p.e
      and (k.revoked_at is null or ${local("k.revoked_at")} >= p.s)`;
}

function manualSql(q: FactsQuery) {
  return sql`
    select ${bucket(sql`measured_on`, q.bounds)} as b, metric_id,
      sum(value) as total, count(*) as n
    from manual_measures
    where program_id = ${q.programId} and partner_id is null
      and ${inBounds(sql`measured_on`, q.bounds)}
    group by 1, 2`;
}
