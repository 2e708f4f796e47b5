import { sql, type SQL } from "drizzle-orm";

/**
 * What every fact query is asked: a program, perhaps some of its
 * partners, and the period bounds as ISO days, ascending: n + 1 days
 * make n consecutive half-open periods [b0, b1), [b1, b2), ...
 */
export interface FactsQuery {
  programId: number;
  partnerIds?: readonly number[];
  bounds: readonly string[];
}

/** One text parameter cast to date[] reads the same on both drivers. */
export function dateArray(days: readonly string[]): SQL {
  return sql`${`{${days.join(",")}}`}::date[]`;
}

/** The 1-based period a day column falls in (see width_bucket). */
export function bucket(column: SQL, bounds: readonly string[]): SQL {
  return sql`width_bucket(${column}, ${dateArray(bounds)})`;
}

export function inBounds(column: SQL, bounds: readonly string[]): SQL {
  return sql`${column} >= ${bounds[0]!}::date and ${column} < ${bounds.at(-1)!}::date`;
}

/** `and <column> = any(ids)` when the query names partners. */
export function partnerFilter(column: SQL, query: FactsQuery): SQL {
  if (!query.partnerIds) return sql``;
  return sql`and ${column} = any(${`{${query.partnerIds.join(",")}}`}::bigint[])`;
}

/** Each period as (i, start, end) rows, to join facts that span periods. */
export function periodRows(bounds: readonly string[]): SQL {
  return sql`unnest(${dateArray(bounds.slice(0, -1))}, ${dateArray(bounds.slice(1))}) with ordinality as p(s, e, i)`;
}
