import {
  and,
  count,
  eq,
  gte,
  inArray,
  isNotNull,
  lt,
  sql,
  type SQL,
} from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { EMPTY_FACTS, type PartnerFacts } from "@tandem/metrics";
import type { Database } from "./client.js";
import { customers, leads, ratings, revenueEvents } from "./schema/index.js";

export interface FactsQuery {
  programId: number;
  /** Narrow to these partners; all of the program's when absent. */
  partnerIds?: readonly number[];
  /**
   * Period boundaries as ISO days, ascending: n + 1 days make n
   * consecutive half-open periods [b0, b1), [b1, b2), ...
   */
  bounds: readonly string[];
}

/** Facts per partner, one entry per period, for every partner with any. */
export type FactsByPartner = Map<number, PartnerFacts[]>;

/**
 * One grouped pass over each fact table: the day column is put into its
 * period by width_bucket over the boundaries, so any number of periods
 * and partners costs one query per table.
 */
export async function loadFacts(
  db: Database,
  query: FactsQuery,
): Promise<FactsByPartner> {
  if (query.bounds.length < 2) throw new Error("need at least one period");
  const periods = query.bounds.length - 1;
  const byPartner: FactsByPartner = new Map();
  const slot = (partnerId: number, bucket: number): PartnerFacts => {
    let series = byPartner.get(partnerId);
    if (!series) {
      series = Array.from({ length: periods }, () => ({ ...EMPTY_FACTS }));
      byPartner.set(partnerId, series);
    }
    return series[bucket - 1]!;
  };

  const [registered, closed, revenue, rated] = await Promise.all([
    registeredLeads(db, query),
    closedLeads(db, query),
    revenueByPartner(db, query),
    partnerRatings(db, query),
  ]);
  for (const row of registered) {
    slot(row.partnerId, row.bucket).leadsRegistered = row.n;
  }
  for (const row of closed) {
    const facts = slot(row.partnerId, row.bucket);
    facts.leadsWon = row.won;
    facts.leadsLost = row.lost;
    facts.wonAmountMinor = row.wonAmount;
  }
  for (const row of revenue) {
    slot(row.partnerId, row.bucket).revenueMinor = row.amount;
  }
  for (const row of rated) {
    const facts = slot(row.partnerId, row.bucket);
    facts.partnerRatingSum = row.sum;
    facts.partnerRatingCount = row.n;
  }
  return byPartner;
}

// Positional, because the bucket expression carries its own parameters
// and would not match a second copy of itself in GROUP BY.
const BY_PARTNER_AND_BUCKET = sql`1, 2`;

function bucketOf(column: AnyPgColumn, bounds: readonly string[]) {
  // One text parameter cast to date[] reads the same on both drivers.
  const array = `{${bounds.join(",")}}`;
  return sql<number>`width_bucket(${column}, ${array}::date[])`.mapWith(Number);
}

function inRange(column: AnyPgColumn, bounds: readonly string[]): SQL {
  return and(gte(column, bounds[0]!), lt(column, bounds.at(-1)!))!;
}

function partnerFilter(column: AnyPgColumn, query: FactsQuery): SQL[] {
  return query.partnerIds ? [inArray(column, [...query.partnerIds])] : [];
}

function registeredLeads(db: Database, query: FactsQuery) {
  const bucket = bucketOf(leads.registeredOn, query.bounds);
  return db
    .select({ partnerId: leads.partnerId, bucket, n: count() })
    .from(leads)
    .where(
      and(
        eq(leads.programId, query.programId),
        ...partnerFilter(leads.partnerId, query),
        inRange(leads.registeredOn, query.bounds),
      ),
    )
    .groupBy(BY_PARTNER_AND_BUCKET);
}

function closedLeads(db: Database, query: FactsQuery) {
  const bucket = bucketOf(leads.closedOn, query.bounds);
  const won = sql`${leads.status} = 'won'`;
  return db
    .select({
      partnerId: leads.partnerId,
      bucket,
      won: sql<number>`count(*) filter (where ${won})`.mapWith(Number),
      lost: sql<number>`count(*) filter (where ${leads.status} = 'lost')`.mapWith(
        Number,
      ),
      wonAmount:
        sql<bigint>`coalesce(sum(${leads.wonAmountMinor}) filter (where ${won}), 0)`.mapWith(
          BigInt,
        ),
    })
    .from(leads)
    .where(
      and(
        eq(leads.programId, query.programId),
        ...partnerFilter(leads.partnerId, query),
        inArray(leads.status, ["won", "lost"]),
        inRange(leads.closedOn, query.bounds),
      ),
    )
    .groupBy(BY_PARTNER_AND_BUCKET);
}

function revenueByPartner(db: Database, query: FactsQuery) {
  const bucket = bucketOf(revenueEvents.occurredOn, query.bounds);
  return db
    .select({
      partnerId: sql<number>`${customers.partnerId}`.mapWith(Number),
      bucket,
      amount: sql<bigint>`sum(${revenueEvents.amountMinor})`.mapWith(BigInt),
    })
    .from(revenueEvents)
    .innerJoin(
      customers,
      and(
        eq(customers.id, revenueEvents.customerId),
        eq(customers.programId, revenueEvents.programId),
      ),
    )
    .where(
      and(
        eq(revenueEvents.programId, query.programId),
        isNotNull(customers.partnerId),
        ...partnerFilter(customers.partnerId, query),
        inRange(revenueEvents.occurredOn, query.bounds),
      ),
    )
    .groupBy(BY_PARTNER_AND_BUCKET);
}

function partnerRatings(db: Database, query: FactsQuery) {
  const bucket = bucketOf(ratings.ratedOn, query.bounds);
  return db
    .select({
      partnerId: ratings.partnerId,
      bucket,
      sum: sql<number>`sum(${ratings.score})`.mapWith(Number),
      n: count(),
    })
    .from(ratings)
    .where(
      and(
        eq(ratings.programId, query.programId),
        eq(ratings.side, "partner"),
        ...partnerFilter(ratings.partnerId, query),
        inRange(ratings.ratedOn, query.bounds),
      ),
    )
    .groupBy(BY_PARTNER_AND_BUCKET);
}
