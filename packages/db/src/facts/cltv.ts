import { sql, type SQL } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { Database } from "../client.js";
import { big, num, selectRows } from "../raw.js";
import { dateArray, type FactsQuery } from "./query.js";

export interface CltvWindowFacts {
  revenueMinor: bigint;
  customerMonths: number;
  churned: number;
}

/** Partner id, or null for the program's direct customers. */
export type CltvByPartner = Map<number | null, CltvWindowFacts[]>;

const DAYS_PER_MONTH = 365.2425 / 12;

/**
 * The trailing twelve months ending at each period's end, for P-CLTV:
 * revenue, customer-months of exposure and customers churned, for each
 * partner's customers and for direct ones (key null). Period ends must
 * be month starts (months, quarters, years), so revenue can be summed
 * from one grouped pass of monthly totals; for a custom range that does
 * not end on one, there are no windows and P-CLTV is "not enough data".
 */
export async function loadCltvFacts(
  db: Database,
  query: FactsQuery,
): Promise<CltvByPartner> {
  const ends = query.bounds.slice(1).map((d) => Temporal.PlainDate.from(d));
  if (ends.some((d) => d.day !== 1)) return new Map();
  const starts = ends.map((d) => d.subtract({ months: 12 }));
  const windows = { starts: starts.map(String), ends: ends.map(String) };
  // Asked for some partners, their customers and the direct ones are
  // read apart: one OR would make PostgreSQL scan every revenue event.
  const scopes = query.partnerIds
    ? [partnersScope(query.partnerIds), sql`and c.partner_id is null`]
    : [sql``];
  const answers = await Promise.all(
    scopes.flatMap((scope) => [
      selectRows(db, exposureSql(query, windows, scope)),
      selectRows(db, monthlyRevenueSql(query, windows, scope)),
    ]),
  );
  const exposure = answers.filter((_, i) => i % 2 === 0).flat();
  const monthly = answers.filter((_, i) => i % 2 === 1).flat();

  const result: CltvByPartner = new Map();
  const series = (key: number | null) => {
    let s = result.get(key);
    if (!s) {
      s = ends.map(() => ({ revenueMinor: 0n, customerMonths: 0, churned: 0 }));
      result.set(key, s);
    }
    return s;
  };
  for (const row of exposure) {
    const window = series(row.partner_id == null ? null : num(row.partner_id))[
      num(row.b) - 1
    ]!;
    window.customerMonths = num(row.days) / DAYS_PER_MONTH;
    window.churned = num(row.churned);
  }
  for (const row of monthly) {
    const key = row.partner_id == null ? null : num(row.partner_id);
    const month = String(row.month);
    series(key).forEach((window, i) => {
      if (month >= windows.starts[i]! && month < windows.ends[i]!) {
        window.revenueMinor += big(row.amount);
      }
    });
  }
  return result;
}

function partnersScope(ids: readonly number[]) {
  return sql`and c.partner_id = any(${`{${ids.join(",")}}`}::bigint[])`;
}

type Windows = { starts: string[]; ends: string[] };

function exposureSql(query: FactsQuery, w: Windows, scope: SQL) {
  return sql`
    select c.partner_id, p.i as b,
      sum(least(coalesce(c.churned_on, p.e), p.e) - greatest(c.acquired_on, p.s))
        as days,
      count(*) filter (where c.churned_on >= p.s and c.churned_on < p.e)
        as churned
    from customers c
    cross join unnest(${dateArray(w.starts)}, ${dateArray(w.ends)})
      with ordinality as p(s, e, i)
    where c.program_id = ${query.programId} ${scope}
      and c.acquired_on < p.e
      -- >=: a churn on the window's first day is this window's churn
      -- (no exposure in it, but counted), as every churn day is in
      -- exactly one of consecutive windows.
      and (c.churned_on is null or c.churned_on >= p.s)
    group by 1, 2`;
}

function monthlyRevenueSql(query: FactsQuery, w: Windows, scope: SQL) {
  const first = w.starts.reduce((a, b) => (a < b ? a : b));
  const last = w.ends.reduce((a, b) => (a > b ? a : b));
  return sql`
    select c.partner_id,
      to_char(date_trunc('month', r.occurred_on::timestamp), 'YYYY-MM-DD')
        as month,
      sum(r.amount_minor) as amount
    from revenue_events r
    join customers c on c.id = r.customer_id and c.program_id = r.program_id
    where r.program_id = ${query.programId} ${scope}
      and r.occurred_on >= ${first}::date and r.occurred_on < ${last}::date
    group by 1, 2`;
}
