import { sql, type SQL } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { Database } from "../client.js";
import { big, num, selectRows } from "../raw.js";
import type { FactsQuery } from "./query.js";
import { loadSpans } from "./spans.js";

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
 * be month starts (months, quarters, years), so revenue is summed from
 * revenue_months; for a custom range that does not end on one, there
 * are no windows and P-CLTV is "not enough data".
 */
export async function loadCltvFacts(
  db: Database,
  query: FactsQuery,
): Promise<CltvByPartner> {
  const ends = query.bounds.slice(1).map((d) => Temporal.PlainDate.from(d));
  if (ends.some((d) => d.day !== 1)) return new Map();
  const starts = ends.map((d) => d.subtract({ months: 12 }));
  const windows = { starts: starts.map(String), ends: ends.map(String) };
  const scope = query.partnerIds
    ? sql`and (partner_id = any(${`{${query.partnerIds.join(",")}}`}::bigint[])
        or partner_id is null)`
    : sql``;
  const [spans, monthly] = await Promise.all([
    loadSpans(db, {
      programId: query.programId,
      scope,
      days: [...windows.starts, ...windows.ends],
    }),
    selectRows(db, monthlyRevenueSql(query.programId, windows, scope)),
  ]);

  const result: CltvByPartner = new Map();
  const series = (key: number | null) => {
    let s = result.get(key);
    if (!s) {
      s = ends.map(() => ({ revenueMinor: 0n, customerMonths: 0, churned: 0 }));
      result.set(key, s);
    }
    return s;
  };
  for (const [key, groups] of spans.groups) {
    series(key).forEach((window, i) => {
      const { days, churned } = spans.exposure(
        groups,
        windows.starts[i]!,
        windows.ends[i]!,
      );
      window.customerMonths = days / DAYS_PER_MONTH;
      window.churned = churned;
    });
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

type Windows = { starts: string[]; ends: string[] };

function monthlyRevenueSql(programId: number, w: Windows, scope: SQL) {
  const first = w.starts.reduce((a, b) => (a < b ? a : b));
  const last = w.ends.reduce((a, b) => (a > b ? a : b));
  return sql`
    select partner_id, to_char(month, 'YYYY-MM-DD') as month,
      amount_minor as amount
    from revenue_months
    where program_id = ${programId} ${scope}
      and month >= ${first}::date and month < ${last}::date`;
}
