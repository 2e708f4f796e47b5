import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../client.js";
import { num, numOrNull, selectRows } from "../raw.js";
import { dateArray } from "./query.js";

/**
 * Customers grouped by the cuts (ascending days) their first and churn
 * days fall between: `a` and `c` are width_bucket's answers, so a day
 * is before cut j (0-based) exactly when its bucket is at most j. That
 * is all that exposure and retention ask of a customer besides sums of
 * days, so they are counted from a few rows per partner rather than a
 * row per customer and period (a cross join of every customer with
 * every period was most of a program scorecard's time).
 */
export interface SpanGroup {
  partnerId: number | null;
  a: number;
  /** null: not churned. */
  c: number | null;
  n: number;
  /** Sums of the days, in days since 1970-01-01. */
  sumA: number;
  sumC: number;
}

export class Spans {
  readonly groups = new Map<number | null, SpanGroup[]>();
  private readonly index = new Map<string, number>();
  private readonly days: number[];

  constructor(cuts: readonly string[], rows: SpanGroup[]) {
    cuts.forEach((day, j) => this.index.set(day, j));
    this.days = cuts.map(epochDay);
    for (const g of rows) {
      const list = this.groups.get(g.partnerId);
      if (list) list.push(g);
      else this.groups.set(g.partnerId, [g]);
    }
  }

  private cut(day: string): number {
    const j = this.index.get(day);
    if (j === undefined) throw new Error(`${day} is not a cut`);
    return j;
  }

  /**
   * Days of exposure in [s, e) of customers acquired before e and not
   * churned before s, and how many of them churned in [s, e).
   */
  exposure(groups: readonly SpanGroup[], s: string, e: string) {
    const [si, ei] = [this.cut(s), this.cut(e)];
    const [sd, ed] = [this.days[si]!, this.days[ei]!];
    let days = 0;
    let churned = 0;
    for (const g of groups) {
      if (g.a > ei || (g.c !== null && g.c <= si)) continue;
      const churnsIn = g.c !== null && g.c <= ei;
      days += (churnsIn ? g.sumC : g.n * ed) - (g.a > si ? g.sumA : g.n * sd);
      if (churnsIn) churned += g.n;
    }
    return { days, churned };
  }

  /**
   * Customers active on s (acquired on or before it, not churned by
   * then) and those of them still active on e's day before; the cuts
   * must hold s, the day after s, and e.
   */
  retention(groups: readonly SpanGroup[], s: string, e: string) {
    const [ni, ei] = [this.cut(dayAfter(s)), this.cut(e)];
    let atStart = 0;
    let retained = 0;
    for (const g of groups) {
      if (g.a > ni || (g.c !== null && g.c <= ni)) continue;
      atStart += g.n;
      if (g.c === null || g.c > ei) retained += g.n;
    }
    return { atStart, retained };
  }
}

export async function loadSpans(
  db: Database,
  input: { programId: number; scope: SQL; days: readonly string[] },
): Promise<Spans> {
  const cuts = [...new Set(input.days)].sort();
  const rows = await selectRows(
    db,
    sql`
      select partner_id,
        width_bucket(acquired_on, ${dateArray(cuts)}) as a,
        width_bucket(churned_on, ${dateArray(cuts)}) as c,
        count(*) as n,
        sum(acquired_on - date '1970-01-01') as sum_a,
        sum(churned_on - date '1970-01-01') as sum_c
      from customers
      where program_id = ${input.programId} ${input.scope}
        and acquired_on < ${cuts.at(-1)!}::date
        and (churned_on is null or churned_on >= ${cuts[0]!}::date)
      group by 1, 2, 3`,
  );
  return new Spans(
    cuts,
    rows.map((r) => ({
      partnerId: numOrNull(r.partner_id),
      a: num(r.a),
      c: numOrNull(r.c),
      n: num(r.n),
      sumA: num(r.sum_a),
      sumC: num(r.sum_c),
    })),
  );
}

export function epochDay(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
}
